package io.hindsight.core.sync;

import java.util.Optional;

/**
 * What Hindsight remembers on the post-mortem issue between syncs (an entity property): its page and
 * the hashes of what it last rendered and what Confluence saved, and of the last report it commented.
 */
public record SyncState(String pageId, String renderedHash, String savedHash, int pageVersion, String reportHash) {
    public static final SyncState NONE = new SyncState(null, null, null, 0, null);

    public Optional<PageDecision.Published> published() {
        return pageId == null ? Optional.empty() : Optional.of(new PageDecision.Published(pageId, renderedHash, savedHash, pageVersion));
    }
}
