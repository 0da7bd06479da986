package io.hindsight.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A remediation action. The id is what ties the action to its Jira ticket across edits, so it is
 * either written by the author ({@code id:db-lag}) or derived from the summary when first seen. Two
 * items of one post-mortem share an id only when the author wrote the same action twice: they are
 * one action, served by one ticket.
 *
 * @param id        stable identity of the action within its post-mortem
 * @param actionClass class such as {@code priority} or {@code improvement}
 * @param summary   what will be done
 * @param owner     who owns it, without the leading {@code @}; null when nobody does yet
 * @param due       the date the author set; null when the SLO policy decides
 * @param project   target Jira project key; null for the default
 * @param labels    extra labels for the ticket
 * @param done      ticked off
 * @param ticket    the remediation ticket's key once it exists
 * @param note      HTML comments written on the action's line (a waiver, a note to reviewers), kept with the
 *                  action so that writing it back (to a file or a Jira field) keeps them on its line; null when none
 */
public record ActionItem(String id, String actionClass, String summary, String owner, LocalDate due,
                         String project, List<String> labels, boolean done, String ticket, String note) {
    public static final String DEFAULT_CLASS = "improvement";

    public ActionItem {
        Objects.requireNonNull(id, "id");
        actionClass = actionClass == null ? DEFAULT_CLASS : actionClass;
        summary = Objects.requireNonNull(summary, "summary").strip();
        labels = labels == null ? List.of() : List.copyOf(labels);
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** An action without a note on its line. */
    public ActionItem(String id, String actionClass, String summary, String owner, LocalDate due,
                      String project, List<String> labels, boolean done, String ticket) {
        this(id, actionClass, summary, owner, due, project, labels, done, ticket, null);
    }

    public Optional<String> ownerName() { return Optional.ofNullable(owner); }
    public Optional<LocalDate> dueDate() { return Optional.ofNullable(due); }
    public Optional<String> targetProject() { return Optional.ofNullable(project); }
    public Optional<String> ticketKey() { return Optional.ofNullable(ticket); }

    public ActionItem withTicket(String key) {
        return new ActionItem(id, actionClass, summary, owner, due, project, labels, done, key, note);
    }

    public ActionItem withNote(String text) {
        return new ActionItem(id, actionClass, summary, owner, due, project, labels, done, ticket, text);
    }
}
