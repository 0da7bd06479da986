package io.hindsight.core.model;

import java.util.Objects;

/** A condition that made the incident possible or worse. */
public record ContributingFactor(FactorCategory category, String text) {
    public ContributingFactor {
        Objects.requireNonNull(category, "category");
        text = Objects.requireNonNull(text, "text").strip();
    }
}
