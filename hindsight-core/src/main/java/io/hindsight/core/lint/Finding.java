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
 */
public record Finding(String rule, Level level, String section, int line, String message, String excerpt,
                      String suggestion) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        section = section == null ? "" : section;
        message = Objects.requireNonNull(message, "message");
        excerpt = excerpt == null ? "" : excerpt;
        suggestion = suggestion == null ? "" : suggestion;
    }

    public String family() {
        return rule.substring(0, rule.indexOf('.'));
    }
}
