package com.atlassian.beehive;

import java.util.concurrent.locks.Lock;

/** Stand-in (atlassian-beehive). */
public interface ClusterLock extends Lock {
}
