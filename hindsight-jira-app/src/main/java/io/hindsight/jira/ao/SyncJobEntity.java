package io.hindsight.jira.ao;

import net.java.ao.Entity;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One sync of one post-mortem in the durable queue. A post-mortem has at most one QUEUED job (later
 * events join it); times are epoch milliseconds so that no database's time zone handling gets involved.
 */
@Table("SYNC_JOB")
@Indexes({
        @Index(name = "status_next_run", methodNames = {"getStatus", "getNextRunMillis"}),
        @Index(name = "key_status", methodNames = {"getPostMortemKey", "getStatus"})
})
public interface SyncJobEntity extends Entity {
    @NotNull
    @StringLength(64)
    String getPostMortemKey();

    void setPostMortemKey(String key);

    /** A {@link io.hindsight.jira.queue.JobStatus} name. */
    @NotNull
    @StringLength(16)
    String getStatus();

    void setStatus(String status);

    int getAttempts();

    void setAttempts(int attempts);

    /** How many events this job stands for (the first one and those that joined it). */
    int getEvents();

    void setEvents(int events);

    long getNextRunMillis();

    void setNextRunMillis(long millis);

    long getCreatedMillis();

    void setCreatedMillis(long millis);

    long getUpdatedMillis();

    void setUpdatedMillis(long millis);

    /** What queued it, e.g. "issue updated", "approved"; the latest reasons, cut to fit. */
    @StringLength(450)
    String getReason();

    void setReason(String reason);

    /** Only shown, never filtered on: unlimited text is safe here on every database. */
    @StringLength(StringLength.UNLIMITED)
    String getLastError();

    void setLastError(String error);

    /** The node running the job; with the lease end, lets another node take over a job whose node died. */
    @StringLength(128)
    String getLeaseOwner();

    void setLeaseOwner(String node);

    long getLeaseUntilMillis();

    void setLeaseUntilMillis(long millis);
}
