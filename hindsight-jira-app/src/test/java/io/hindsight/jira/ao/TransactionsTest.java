package io.hindsight.jira.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.queue.QueuePolicy;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.MutableClock;
import net.java.ao.RawEntity;
import org.junit.Test;
import org.mockito.stubbing.Answer;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Rule 8: writes that belong together run in one {@code executeInTransaction}. Every read and write the
 * code makes on this ActiveObjects (and every entity save) fails unless it happens inside a transaction.
 */
public class TransactionsTest {
    private final ActiveObjects ao = mock(ActiveObjects.class);
    private int depth;
    private int transactions;

    private final Answer<Object> onlyInTransaction = inv -> {
        if (depth == 0) throw new AssertionError(inv.getMethod().getName() + " ran outside a transaction");
        return null;
    };

    @SuppressWarnings("unchecked")
    private void guard() {
        when(ao.executeInTransaction(any())).thenAnswer(inv -> {
            transactions++;
            depth++;
            try {
                return ((TransactionCallback<Object>) inv.getArgument(0)).doInTransaction();
            } finally {
                depth--;
            }
        });
    }

    @Test
    public void enqueueingFindsAndWritesInOneTransaction() {
        guard();
        SyncJobEntity queued = entity();
        when(ao.find(eq(SyncJobEntity.class), any())).thenAnswer(inv -> {
            onlyInTransaction.answer(inv);
            return new SyncJobEntity[]{queued};
        });
        new SyncQueue(ao, new LocalClusterLocks(), new MutableClock(Instant.EPOCH), QueuePolicy.DEFAULT).enqueue("PM-1", "issue updated");
        assertEquals(1, transactions);
    }

    @Test
    public void aFailureIsRecordedInOneTransaction() {
        guard();
        SyncJobEntity running = entity();
        when(running.getStatus()).thenReturn("RUNNING");
        when(running.getLeaseOwner()).thenReturn("node-a");
        when(ao.get(eq(SyncJobEntity.class), anyInt())).thenAnswer(inv -> {
            onlyInTransaction.answer(inv);
            return running;
        });
        when(ao.find(eq(SyncJobEntity.class), any())).thenAnswer(inv -> {
            onlyInTransaction.answer(inv);
            return new SyncJobEntity[0];
        });
        new SyncQueue(ao, new LocalClusterLocks(), new MutableClock(Instant.EPOCH), QueuePolicy.DEFAULT).fail(1, "node-a", "boom");
        assertEquals(1, transactions);
    }

    @Test
    public void savingSeveralSettingsIsOneTransaction() {
        guard();
        SettingEntity row = mock(SettingEntity.class);
        doAnswer(onlyInTransaction).when(row).save();
        when(ao.get(eq(SettingEntity.class), any())).thenAnswer(inv -> {
            onlyInTransaction.answer(inv);
            return null;
        });
        when(ao.create(eq(SettingEntity.class), any(net.java.ao.DBParam[].class))).thenAnswer(inv -> {
            onlyInTransaction.answer(inv);
            return row;
        });
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.CONFLUENCE_URL, "https://wiki.example.com");
        values.put(Setting.CONFLUENCE_SPACE, "OPS");
        values.put(Setting.SLO_POLICY_YAML, "classes: {priority: {SEV1: 4w}}");
        new AdminSettings(ao, new MutableClock(Instant.EPOCH)).save(values, "admin");
        assertEquals(1, transactions);
    }

    @Test(expected = AssertionError.class)
    public void theGuardCatchesAWriteOutsideATransaction() throws Throwable {
        RawEntity<?> e = entity();
        doAnswer(onlyInTransaction).when(ao).delete(any(RawEntity[].class));
        ao.delete(e);
    }

    private SyncJobEntity entity() {
        SyncJobEntity e = mock(SyncJobEntity.class);
        when(e.getStatus()).thenReturn("QUEUED");
        when(e.getPostMortemKey()).thenReturn("PM-1");
        try {
            doAnswer(onlyInTransaction).when(e).save();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return e;
    }
}
