package io.hindsight.jira.testing;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.DBParam;
import net.java.ao.EntityManager;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.Transaction;

import java.sql.SQLException;
import java.util.Map;

/**
 * Atlassian's ActiveObjects service over a real AO {@link EntityManager}, as the AO plugin's own
 * EntityManagedActiveObjects does: SQL errors surface as unchecked exceptions, transactions are AO's.
 */
public final class TestActiveObjects implements ActiveObjects {
    private final EntityManager em;
    private int transactions;

    public TestActiveObjects(EntityManager em) {
        this.em = em;
    }

    public EntityManager entityManager() {
        return em;
    }

    /** How many transactions the code under test opened. */
    public int transactions() {
        return transactions;
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        try {
            return em.get(type, key);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params) {
        try {
            return em.create(type, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        try {
            return em.create(type, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        try {
            em.delete(entities);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        try {
            return em.find(type, query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        try {
            return em.count(type, query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        transactions++;
        try {
            return new Transaction<T>(em) {
                @Override
                protected T run() {
                    return callback.doInTransaction();
                }
            }.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
