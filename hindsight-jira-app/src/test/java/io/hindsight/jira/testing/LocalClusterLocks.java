package io.hindsight.jira.testing;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Cluster locks for one JVM: what several nodes sharing beehive's lock table look like to the code. */
public final class LocalClusterLocks implements ClusterLockService {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());

    @Override
    public ClusterLock getLockForName(String lockName) {
        requested.add(lockName);
        ReentrantLock lock = locks.computeIfAbsent(lockName, n -> new ReentrantLock());
        return new ClusterLock() {
            @Override
            public void lock() {
                lock.lock();
            }

            @Override
            public void lockInterruptibly() throws InterruptedException {
                lock.lockInterruptibly();
            }

            @Override
            public boolean tryLock() {
                return lock.tryLock();
            }

            @Override
            public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
                return lock.tryLock(time, unit);
            }

            @Override
            public void unlock() {
                lock.unlock();
            }

            @Override
            public Condition newCondition() {
                throw new UnsupportedOperationException("cluster locks have no conditions");
            }
        };
    }

    /** Every lock name the code asked for, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    public boolean isHeld(String name) {
        ReentrantLock l = locks.get(name);
        return l != null && l.isLocked();
    }
}
