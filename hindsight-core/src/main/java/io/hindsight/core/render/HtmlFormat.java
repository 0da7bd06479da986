package io.hindsight.core.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** {@code $fmt} for the standalone HTML preview, styled to look like the Confluence page. */
public final class HtmlFormat extends XhtmlFormat {
    private static final Set<String> COLOURS = Set.of("grey", "red", "yellow", "green", "blue", "purple");
    private final String jiraBaseUrl;

    public HtmlFormat(String jiraBaseUrl) {
        super(XhtmlMarkdown.HTML);
        this.jiraBaseUrl = jiraBaseUrl;
    }

    @Override
    public Trusted status(PageView.Lozenge l) {
        String colour = l.colour().toLowerCase(Locale.ROOT);
        return new Trusted("<span class=\"lozenge lozenge-" + (COLOURS.contains(colour) ? colour : "grey") + "\">"
                + Xml.escape(l.text()) + "</span>");
    }

    @Override
    public Trusted jiraIssues(String jql) {
        String query = "<code>" + Xml.escape(jql) + "</code>";
        if (jiraBaseUrl != null) {
            String url = jiraBaseUrl.replaceAll("/+$", "") + "/issues/?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8);
            query = link(url, jql).markup();
        }
        return new Trusted("<div class=\"jira-macro\">Live Jira issues in Confluence: " + query + "</div>");
    }

    @Override
    public Trusted info(String text) {
        return new Trusted("<div class=\"panel-info\"><p>" + Xml.escape(text) + "</p></div>");
    }
}
