package io.hindsight.core.lint;

import java.util.Locale;

/** How much a finding matters. Errors fail {@code hindsight lint} and block publishing. */
public enum Level {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
