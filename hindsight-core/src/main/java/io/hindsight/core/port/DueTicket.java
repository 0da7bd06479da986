package io.hindsight.core.port;

import java.time.LocalDate;
import java.util.List;

/**
 * An open remediation ticket that falls due soon or is overdue, as a reminder needs it.
 *
 * @param assignee   who owns it, or null
 * @param postMortem the key of the post-mortem it remediates, or null when it names none
 */
public record DueTicket(String key, LocalDate due, List<String> labels, Person assignee, String postMortem) {
    public DueTicket {
        labels = List.copyOf(labels);
    }
}
