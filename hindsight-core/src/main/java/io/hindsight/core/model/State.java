package io.hindsight.core.model;

import java.util.Locale;
import java.util.Optional;

/** Where a post-mortem is in its review life cycle. */
public enum State {
    DRAFT, IN_REVIEW, APPROVED, PUBLISHED, CLOSED;

    public static Optional<State> parse(String text) {
        if (text == null) return Optional.empty();
        String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (State s : values()) {
            if (s.name().equals(norm)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The lower-case spelling used in front matter and labels, e.g. {@code in-review}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
