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
    /** What an issue is to Hindsight. Only a {@link #POST_MORTEM} is ever synced or written as one. */
    enum Kind {
        /** An issue of the post-mortem type. */
        POST_MORTEM,
        /** One of Hindsight's remediation tickets (it carries an action id), whatever its type. */
        REMEDIATION_TICKET,
        /** Any other issue. */
        OTHER
    }

    /**
     * An issue read as a post-mortem, with what Hindsight remembered on it.
     *
     * @param kind       what the issue is, decided by the tracker's own data (its issue type and Hindsight's marks on
     *                   it), never by what a caller claims
     * @param issueType  the issue type's name, for messages
     * @param postMortem the post-mortem its fields hold (for an issue of another kind: what they would read as)
     * @param markdown   the Markdown the fields hold, as one document (front matter, then a section per field):
     *                   what {@code postMortem} was read from, so a check can place what it finds in it (a waiver
     *                   covers its own line and the next)
     * @param state      what Hindsight remembered on it ({@link SyncState#NONE}: nothing)
     */
    record Stored(IssueKey key, Kind kind, String issueType, PostMortem postMortem, String markdown, SyncState state) {
        public boolean isPostMortem() {
            return kind == Kind.POST_MORTEM;
        }
    }

    /** The issue; empty when it does not exist or this account cannot see it. One read. */
    Optional<Stored> load(IssueKey key);

    /**
     * Creates the post-mortem's issue in a project (publishing a file). Returns the issue as {@link #load} would
     * now read it, without reading it back: the store knows what it wrote.
     */
    Stored create(String project, PostMortem postMortem);

    /**
     * Writes a post-mortem's title and sections into its issue, unless it holds them already: the comparison is
     * made with what {@code current} holds, field by field as the store writes them, and an unchanged post-mortem
     * sends nothing. Returns the issue as {@link #load} would now read it.
     *
     * @param current the issue as loaded (a post-mortem)
     */
    Stored update(Stored current, PostMortem postMortem);

    /** Remembers what the last sync published and told, for the next one to compare against. */
    void saveState(IssueKey key, SyncState state);

    /** Writes the day a post-mortem was approved into it (the day due dates count from). */
    void recordApproval(IssueKey key, LocalDate day);

    /**
     * A comment on the post-mortem, written in Markdown, carrying {@code mark} where people do not see it (a
     * comment property), so that {@link #commented} can tell later whether it was made.
     */
    void comment(IssueKey key, String markdown, String mark);

    /** Whether one of the issue's recent comments carries {@code mark}: a comment whose answer was lost did land. */
    boolean commented(IssueKey key, String mark);

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
