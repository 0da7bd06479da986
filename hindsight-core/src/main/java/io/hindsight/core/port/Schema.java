package io.hindsight.core.port;

import java.util.List;

/**
 * What Hindsight provisions in Jira and Confluence and writes there, by name: provisioning creates these,
 * every adapter reads and writes them, the sync and the webhook intake recognise them. Both hosts (the
 * service over REST, the Jira app in-process) use the same names, so a site can run either without
 * duplicates.
 */
public final class Schema {
    private Schema() {
    }

    /** The issue type of post-mortems. */
    public static final String POST_MORTEM_TYPE = "Post-mortem";
    /** The issue type of remediation tickets. */
    public static final String TICKET_TYPE = "Task";
    /** The link type from a post-mortem to its tickets, and its two verbs. */
    public static final String LINK_TYPE = "Remediation";
    public static final String LINK_INWARD = "is remediated by";
    public static final String LINK_OUTWARD = "remediates";

    /** The label on post-mortem issues and pages (the parent page's Page Properties Report lists pages with it). */
    public static final String POST_MORTEM_LABEL = "postmortem";
    /** The label remediation tickets carry unless the SLO policy names another. */
    public static final String TICKET_LABEL = "postmortem-action";
    /** A ticket's action id as a label: {@code hindsight-action-<id>}, found by search on every flavour. */
    public static final String ACTION_LABEL_PREFIX = "hindsight-action-";
    /** The labels of pages Hindsight writes. */
    public static final List<String> PAGE_LABELS = List.of(POST_MORTEM_LABEL);

    /** The entity property on a post-mortem that holds its {@code SyncState}. */
    public static final String STATE_PROPERTY = "hindsight.postmortem";
    /** The entity property on a ticket naming its post-mortem ({@code postMortem}) and action ({@code actionId}). */
    public static final String TICKET_PROPERTY = "hindsight.remediation";
    /** The comment property that carries a sync comment's mark ({@code mark}), so a retry can tell it was made. */
    public static final String COMMENT_MARK_PROPERTY = "hindsight.sync";

    /** The board, filter and parent page that provisioning makes. */
    public static final String BOARD_NAME = "Remediation";
    public static final String FILTER_NAME = "Hindsight: remediation tickets";
    public static final String PARENT_PAGE_TITLE = "Post-mortems";

    /** Field names, by Hindsight's key for the field (a section id, or one of the keys below). */
    public static final String SEVERITY_FIELD = "Incident severity";
    public static final String SUMMARY_FIELD = "Incident summary";
    public static final String APPROVED_FIELD = "Post-mortem approved";
    public static final String SERVICES_FIELD = "Affected services";
    public static final List<String> TIMES = List.of("started", "detected", "mitigated", "resolved");
    public static final List<String> PEOPLE = List.of("approvers", "authors");

    /** "Incident started", ...: the field of an incident time. */
    public static String timeField(String time) {
        return "Incident " + time;
    }

    /** "Post-mortem approvers", "Post-mortem authors". */
    public static String peopleField(String people) {
        return "Post-mortem " + people;
    }
}
