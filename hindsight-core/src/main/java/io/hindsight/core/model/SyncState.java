package io.hindsight.core.model;

/**
 * What Hindsight remembers on the post-mortem issue between syncs (an entity property): its page and
 * the hashes of what it last rendered and what Confluence saved, and of the last report it commented.
 */
public record SyncState(String pageId, String renderedHash, String savedHash, int pageVersion, String reportHash) {
    public static final SyncState NONE = new SyncState(null, null, null, 0, null);

    /** The same, remembering another report (null: the checker had nothing to say). */
    public SyncState withReportHash(String hash) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, hash);
    }
}
