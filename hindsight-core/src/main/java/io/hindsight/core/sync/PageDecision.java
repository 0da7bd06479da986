package io.hindsight.core.sync;

import io.hindsight.core.model.SyncState;
import io.hindsight.core.port.Page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether the Confluence page must be written, and whether someone edited it by hand since Hindsight
 * last published it. A page that already holds what Hindsight would write is Hindsight's own, whatever the
 * remembered state says: that is how a page write whose answer was lost is recognised, not taken for a hand edit. Two hashes are kept after each publish: of what Hindsight rendered (to know
 * whether the content would change) and of the body as Confluence saved it (Confluence may normalise
 * markup, so only its own copy shows a hand edit).
 */
public record PageDecision(Action action, String pageId, int newVersion, boolean handEdited, int replacedVersion, String renderedHash) {
    public enum Action { CREATE, UPDATE, UNCHANGED }

    /**
     * Nothing new to say and the page is Hindsight's own: decided from the state alone, with no read.
     * Empty when the page must be looked at.
     */
    public static Optional<PageDecision> unchangedByState(String renderedHash, SyncState state) {
        if (state.pageId() == null || !renderedHash.equals(state.renderedHash())) return Optional.empty();
        return Optional.of(new PageDecision(Action.UNCHANGED, state.pageId(), state.pageVersion(), false, 0, renderedHash));
    }

    /**
     * @param renderedHash {@link #hash} of what Hindsight would publish now
     * @param state        what it remembered from its last publish ({@link SyncState#NONE}: nothing)
     * @param current      the page as the wiki has it now, if there is one
     */
    public static PageDecision decide(String renderedHash, SyncState state, Optional<Page> current) {
        if (current.isEmpty()) return new PageDecision(Action.CREATE, null, 1, false, 0, renderedHash);
        Page c = current.get();
        // the page already says what Hindsight would write: a write whose answer was lost (or a 409 on its retry) did land
        if (hash(c.storage()).equals(renderedHash)) return new PageDecision(Action.UNCHANGED, c.id(), c.version(), false, 0, renderedHash);
        boolean published = state.pageId() != null;
        boolean handEdited = published && !hash(c.storage()).equals(state.savedHash());
        boolean sameContent = published && renderedHash.equals(state.renderedHash());
        if (sameContent && !handEdited) return new PageDecision(Action.UNCHANGED, c.id(), c.version(), false, 0, renderedHash);
        return new PageDecision(Action.UPDATE, c.id(), c.version() + 1, handEdited, handEdited ? c.version() : 0, renderedHash);
    }

    /** SHA-256 of the text with line endings and trailing space normalised. */
    public static String hash(String text) {
        String norm = text == null ? "" : text.replace("\r\n", "\n").strip();
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
