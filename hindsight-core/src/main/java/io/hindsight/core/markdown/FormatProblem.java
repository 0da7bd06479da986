package io.hindsight.core.markdown;

import java.util.Objects;

/**
 * Something in a post-mortem's text Hindsight could not read as written, or read only by assuming.
 *
 * @param line       1-based line in the source, 0 when the source has no lines (a Jira field)
 * @param field      what was being read: a front-matter key, a section heading, "action item"
 * @param message    what is wrong and how to fix it
 * @param level      ERROR when the text was kept as plain text instead of being understood (or structure
 *                   was lost); WARNING when it was read but probably not as the author meant; INFO when
 *                   Hindsight made an assumption (a time zone, a severity scale) and went on
 * @param suggestion what to write instead, or empty
 * @param kind       which family of problem, so the checker can give each its own rule id
 */
public record FormatProblem(int line, String field, String message, Level level, String suggestion, Kind kind) {
    public enum Level { ERROR, WARNING, INFO }

    /** The checker's rule for each: {@code consistency.format}, {@code actionability.unreadable}, ... */
    public enum Kind {
        /** The document's structure or metadata. */
        FORMAT,
        /** An action item line that could not be read; it is kept as text and gets no ticket. */
        UNREADABLE_ACTION,
        /** A line inside the action list that belongs to no action. */
        STRAY_LINE,
        /** An action attribute misspelt or unknown ({@code duedate:}, {@code prio:}). */
        ATTRIBUTE
    }

    public FormatProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(level, "level");
        suggestion = suggestion == null ? "" : suggestion;
        kind = kind == null ? (field.equals("action item") ? Kind.UNREADABLE_ACTION : Kind.FORMAT) : kind;
    }

    /** @param error true for an ERROR, false for an INFO (the original two levels) */
    public FormatProblem(int line, String field, String message, boolean error) {
        this(line, field, message, error ? Level.ERROR : Level.INFO, "", null);
    }

    public boolean error() {
        return level == Level.ERROR;
    }
}
