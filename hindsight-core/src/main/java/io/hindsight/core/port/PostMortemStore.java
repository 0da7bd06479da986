package io.hindsight.core.port;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SyncState;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Post-mortems where they live: issues of the Post-mortem type, each section in its field, Hindsight's
 * {@link SyncState} kept on the issue ({@link Schema#STATE_PROPERTY}). The REST adapter and the Jira app
 * implement it; both write the same fields and property, so a site may run either.
 */
public interface PostMortemStore {
    /** A post-mortem read from its issue, with what Hindsight remembered on it. */
    record Stored(PostMortem postMortem, SyncState state) {
    }

    /** The post-mortem issue; empty when it does not exist or this account cannot see it. */
    Optional<Stored> load(IssueKey key);

    /** Creates the post-mortem's issue in a project (publishing a file); returns its key. */
    IssueKey create(String project, PostMortem postMortem);

    /** Writes a post-mortem's title and sections into its issue (publishing a file that changed). */
    void update(IssueKey key, PostMortem postMortem);

    /** Remembers what the last sync published, for the next one to compare against. */
    void saveState(IssueKey key, SyncState state);

    /** Writes the day a post-mortem was approved into it (the day due dates count from). */
    void recordApproval(IssueKey key, LocalDate day);

    /** A comment on the post-mortem, written in Markdown. */
    void comment(IssueKey key, String markdown);

    /**
     * The post-mortems a filter finds, their fields read, oldest key first; their sync state is not read.
     *
     * @param jql narrows the post-mortems (e.g. {@code project = PM AND created >= -90d}); null or blank for all.
     *            It is ANDed with the post-mortem issue type, so it must not sort ({@link Filters#checked}).
     */
    List<PostMortem> find(String jql, int limit);

    /** Only the keys of what {@link #find} would find: a backfill reads each post-mortem itself. */
    List<IssueKey> findKeys(String jql, int limit);
}
