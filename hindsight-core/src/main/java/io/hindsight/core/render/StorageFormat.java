package io.hindsight.core.render;

import java.util.Set;

/** {@code $fmt} for Confluence storage format (XHTML with {@code ac:} macros). */
public final class StorageFormat extends XhtmlFormat {
    private static final Set<String> COLOURS = Set.of("Grey", "Red", "Yellow", "Green", "Blue", "Purple");
    private final String jiraServerName;
    private final String jiraServerId;

    public StorageFormat(String jiraServerName, String jiraServerId) {
        super(XhtmlMarkdown.STORAGE);
        this.jiraServerName = jiraServerName;
        this.jiraServerId = jiraServerId;
    }

    @Override
    public Trusted status(PageView.Lozenge l) {
        String colour = COLOURS.contains(l.colour()) ? l.colour() : "Grey";
        return new Trusted("<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">" + colour
                + "</ac:parameter><ac:parameter ac:name=\"title\">" + Xml.escape(l.text()) + "</ac:parameter></ac:structured-macro>");
    }

    @Override
    public Trusted jiraIssues(String jql) {
        StringBuilder sb = new StringBuilder("<ac:structured-macro ac:name=\"jira\" ac:schema-version=\"1\">");
        if (jiraServerName != null) sb.append(param("server", jiraServerName));
        if (jiraServerId != null) sb.append(param("serverId", jiraServerId));
        sb.append(param("jqlQuery", jql))
                .append(param("columns", "key,summary,assignee,due,priority,status"))
                .append(param("maximumIssues", "100"))
                .append("</ac:structured-macro>");
        return new Trusted(sb.toString());
    }

    @Override
    public Trusted info(String text) {
        return new Trusted("<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>" + Xml.escape(text)
                + "</p></ac:rich-text-body></ac:structured-macro>");
    }

    private static String param(String name, String value) {
        return "<ac:parameter ac:name=\"" + name + "\">" + Xml.escape(value) + "</ac:parameter>";
    }
}
