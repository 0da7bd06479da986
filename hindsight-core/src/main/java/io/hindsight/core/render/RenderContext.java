package io.hindsight.core.render;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a renderer needs beyond the post-mortem: where Jira lives, what today is (for "overdue"),
 * and the remediation tickets' current status when the sync engine knows it.
 *
 * @param jiraBaseUrl      e.g. {@code https://jira.example.com}; null when the post-mortem is only a file
 * @param jiraServerName   the Confluence application link name for the Jira Issues macro; null for the default
 * @param jiraServerId     the application link id for the macro; null for the default
 * @param remediatedByLink the inward description of the remediation link type
 * @param ticketStatuses   status per ticket key, when known
 */
public record RenderContext(String jiraBaseUrl, String jiraServerName, String jiraServerId, String remediatedByLink,
                            LocalDate today, Map<String, TicketStatus> ticketStatuses) {
    public static final String DEFAULT_REMEDIATED_BY = io.hindsight.core.port.Schema.LINK_INWARD;

    public RenderContext {
        remediatedByLink = remediatedByLink == null ? DEFAULT_REMEDIATED_BY : remediatedByLink;
        ticketStatuses = ticketStatuses == null ? Map.of() : Map.copyOf(ticketStatuses);
    }

    /** For a post-mortem that is only a file: no Jira links, statuses from the file. */
    public static RenderContext offline(LocalDate today) {
        return new RenderContext(null, null, null, null, today, Map.of());
    }

    /** The status of a remediation ticket as Jira reports it. */
    public record TicketStatus(String name, Category category) {
        public enum Category { TO_DO, IN_PROGRESS, DONE }
    }
}
