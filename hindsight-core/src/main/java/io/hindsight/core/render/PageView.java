package io.hindsight.core.render;

import java.util.List;

/**
 * Everything a post-mortem page shows, already decided (labels, colours, "overdue", links), as plain
 * values. The Velocity templates, the wiki and the ADF renderers all draw this same view, so the
 * formats cannot drift apart. Text is raw user text: each renderer escapes it for its format.
 * Sections' {@code text} and items are Markdown the renderers convert.
 *
 * @param jiraUrl       a safe http(s) link to the Jira issue, or null
 * @param jql           the query selecting the remediation tickets, or null when the post-mortem has no key yet
 */
public record PageView(String title, String key, String jiraUrl, Lozenge severity, Lozenge state, List<Fact> facts,
                       List<SectionView> sections, String jql, String footer) {

    /** A status lozenge: text and one of Confluence's colours (Grey, Red, Yellow, Green, Blue, Purple). */
    public record Lozenge(String text, String colour) {
    }

    /** A key fact in the header table; {@code url} makes it a link when not null. */
    public record Fact(String label, String value, String url) {
    }

    /**
     * One section. Exactly one of the list parts is filled for a structured section; {@code text} holds
     * the author's prose (for structured sections, whatever was not an item).
     */
    public record SectionView(String kind, String heading, String text, List<TimelineRow> timeline, String timeZoneNote,
                              List<String> whys, List<FactorGroup> factors, List<ActionRow> actions) {
        public boolean isTimeline() { return kind.equals("timeline"); }
        public boolean isFiveWhys() { return kind.equals("five-whys"); }
        public boolean isFactors() { return kind.equals("contributing-factors"); }
        public boolean isActions() { return kind.equals("action-items"); }
    }

    public record TimelineRow(String time, String kind, String text) {
    }

    public record FactorGroup(String category, List<String> factors) {
    }

    /** @param ticketUrl a safe link to the ticket, or null */
    public record ActionRow(String summary, String actionClass, String owner, String due, Lozenge status, boolean overdue,
                            String ticket, String ticketUrl) {
    }
}
