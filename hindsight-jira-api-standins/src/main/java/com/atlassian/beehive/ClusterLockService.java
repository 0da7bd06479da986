package com.atlassian.beehive;

/** Stand-in (atlassian-beehive): cluster-wide locks; not re-entrant, never time out. */
public interface ClusterLockService {
    ClusterLock getLockForName(String lockName);
}
