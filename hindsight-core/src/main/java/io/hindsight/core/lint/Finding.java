package io.hindsight.core.lint;

import java.util.Objects;

/**
 * One thing the checker found.
 *
 * @param rule       rule id in a family: {@code blameless.*}, {@code actionability.*}, {@code consistency.*}
 * @param section    the section heading it was found in, or empty
 * @param line       1-based source line, 0 when the source has no lines
 * @param excerpt    the words that triggered it, or empty
 * @param suggestion a rewrite or what to do instead, or empty
 * @param confidence how sure the checker is, 0..1; 1 for findings that are facts (a missing section)
 */
public record Finding(String rule, Level level, String section, int line, String message, String excerpt,
                      String suggestion, double confidence) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        section = section == null ? "" : section;
        message = Objects.requireNonNull(message, "message");
        excerpt = excerpt == null ? "" : excerpt;
        suggestion = suggestion == null ? "" : suggestion;
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
    }

    /** A finding the checker is certain of. */
    public Finding(String rule, Level level, String section, int line, String message, String excerpt, String suggestion) {
        this(rule, level, section, line, message, excerpt, suggestion, 1.0);
    }

    public String family() {
        return rule.substring(0, rule.indexOf('.'));
    }
}
