package io.hindsight.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Hindsight remembers on the post-mortem issue between syncs (an entity property). It is written
 * after the comment that tells a change, so what it remembers has been told; what a sync does that a
 * later one could not see for itself is written here first, as an outbox, until a comment has told it.
 *
 * @param pageId         the page, once there is one
 * @param renderedHash   hash of what Hindsight last rendered for the page
 * @param savedHash      hash of the page as the wiki saved it (a later difference is a hand edit)
 * @param pageVersion    the page's version that was last told
 * @param reportHash     hash of the checker's findings last told; null when it had nothing to say
 * @param toldTickets    the tickets comments have named so far, so a ticket made by an attempt that crashed
 *                       before telling is told by the next; null in a state written before Hindsight kept them
 * @param outbox         lines still to tell, written before the change they describe (ticket updates, closes)
 * @param unsettledUntil a create of tickets got no answer: until then it may still land, so no sync creates
 *                       tickets (it would make duplicates); null when nothing is in doubt
 * @param stuck          tickets whose workflow offered no way to done, by the status they were in (told once)
 * @param healed         duplicate tickets already resolved and told
 * @param unknownOwners  owners the tracker refused as assignees: their tickets stay unassigned until they are mapped
 */
public record SyncState(String pageId, String renderedHash, String savedHash, int pageVersion, String reportHash,
                        List<String> toldTickets, List<String> outbox, Instant unsettledUntil, Map<String, String> stuck,
                        List<String> healed, List<String> unknownOwners) {
    public static final SyncState NONE = new SyncState(null, null, null, 0, null, List.of(), List.of(), null, Map.of(), List.of(), List.of());

    public SyncState {
        toldTickets = toldTickets == null ? null : List.copyOf(toldTickets);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        stuck = stuck == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stuck));
        healed = healed == null ? List.of() : List.copyOf(healed);
        unknownOwners = unknownOwners == null ? List.of() : List.copyOf(unknownOwners);
    }

    /** A state as Hindsight wrote it before it kept more than the page and the report. */
    public static SyncState ofPage(String pageId, String renderedHash, String savedHash, int pageVersion, String reportHash) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, reportHash, null, List.of(), null, Map.of(), List.of(), List.of());
    }

    /** The same, remembering another report (null: the checker had nothing to say). */
    public SyncState withReportHash(String hash) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, hash, toldTickets, outbox, unsettledUntil, stuck, healed, unknownOwners);
    }

    public SyncState withPage(String id, String rendered, String saved, int version) {
        return new SyncState(id, rendered, saved, version, reportHash, toldTickets, outbox, unsettledUntil, stuck, healed, unknownOwners);
    }

    public SyncState withToldTickets(List<String> keys) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, reportHash, keys, outbox, unsettledUntil, stuck, healed, unknownOwners);
    }

    public SyncState withOutbox(List<String> lines) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, reportHash, toldTickets, lines, unsettledUntil, stuck, healed, unknownOwners);
    }

    /** The same with more lines to tell, after those already waiting. */
    public SyncState plusOutbox(List<String> lines) {
        List<String> all = new ArrayList<>(outbox);
        lines.stream().filter(l -> !all.contains(l)).forEach(all::add);
        return withOutbox(all);
    }

    public SyncState withUnsettledUntil(Instant until) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, reportHash, toldTickets, outbox, until, stuck, healed, unknownOwners);
    }

    public SyncState withStuck(Map<String, String> tickets) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, reportHash, toldTickets, outbox, unsettledUntil, tickets, healed, unknownOwners);
    }

    public SyncState withHealed(List<String> keys) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, reportHash, toldTickets, outbox, unsettledUntil, stuck, keys, unknownOwners);
    }

    public SyncState withUnknownOwners(List<String> names) {
        return new SyncState(pageId, renderedHash, savedHash, pageVersion, reportHash, toldTickets, outbox, unsettledUntil, stuck, healed, names);
    }
}
