package io.hindsight.core.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether the Confluence page must be written, and whether someone edited it by hand since Hindsight
 * last published it. Two hashes are kept after each publish: of what Hindsight rendered (to know
 * whether the content would change) and of the body as Confluence saved it (Confluence may normalise
 * markup, so only its own copy shows a hand edit).
 */
public record PageDecision(Action action, String pageId, int newVersion, boolean handEdited, int replacedVersion, String renderedHash) {
    public enum Action { CREATE, UPDATE, UNCHANGED }

    /** What Hindsight stored after its last publish. */
    public record Published(String pageId, String renderedHash, String savedHash, int version) {
    }

    /** The page as Confluence has it now. */
    public record Current(String pageId, int version, String storage) {
    }

    public static PageDecision decide(String rendered, Optional<Published> published, Optional<Current> current) {
        String renderedHash = hash(rendered);
        if (current.isEmpty()) return new PageDecision(Action.CREATE, null, 1, false, 0, renderedHash);
        Current c = current.get();
        boolean handEdited = published.isPresent() && !hash(c.storage()).equals(published.get().savedHash());
        boolean sameContent = published.isPresent() && published.get().renderedHash().equals(renderedHash);
        if (sameContent && !handEdited) return new PageDecision(Action.UNCHANGED, c.pageId(), c.version(), false, 0, renderedHash);
        return new PageDecision(Action.UPDATE, c.pageId(), c.version() + 1, handEdited, handEdited ? c.version() : 0, renderedHash);
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
