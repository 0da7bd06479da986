package io.hindsight.sandbox;

import io.hindsight.sandbox.confluence.ConfluenceState;
import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;

import java.util.List;
import java.util.Map;

/**
 * A small read-only HTML view so a person trying the demo can look at what Hindsight did: issues,
 * a board's columns, a Confluence page. Everything shown is escaped.
 */
final class HtmlView {
    private final JiraState jira;
    private final JiraApi api;
    private final ConfluenceState confluence;

    HtmlView(JiraState jira, JiraApi api, ConfluenceState confluence) {
        this.jira = jira;
        this.api = api;
        this.confluence = confluence;
    }

    void routes(JiraApi.Route on) {
        on.add("GET", "/sandbox", ex -> ex.html(index()));
        on.add("GET", "/sandbox/issues/{key}", ex -> ex.html(issue(ex.param(0))));
        on.add("GET", "/sandbox/boards/{id}", ex -> ex.html(board(ex.param(0))));
        on.add("GET", "/sandbox/pages/{id}", ex -> ex.html(page(ex.param(0))));
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                + "<style>body{font-family:sans-serif;max-width:1100px;margin:1.5em auto;color:rgb(23,43,77)}table{border-collapse:collapse;width:100%}"
                + "td,th{border:1px solid rgb(193,199,208);padding:4px 8px;text-align:left;vertical-align:top}th{background:rgb(244,245,247)}"
                + ".cols{display:flex;gap:1em}.col{flex:1;background:rgb(244,245,247);padding:.5em;border-radius:4px}"
                + ".card{background:white;margin:.4em 0;padding:.5em;border-radius:3px;box-shadow:0 1px 2px rgba(0,0,0,.2)}"
                + ".note{color:rgb(107,119,140)}pre{white-space:pre-wrap;background:rgb(244,245,247);padding:.6em}</style></head><body>"
                + "<p class=\"note\">Hindsight sandbox: a local emulator of the Jira and Confluence APIs Hindsight uses. Not a Jira.</p>"
                + "<h1>" + esc(title) + "</h1>" + body + "</body></html>";
    }

    private String index() {
        StringBuilder sb = new StringBuilder("<h2>Issues</h2><table><tr><th>Key</th><th>Type</th><th>Summary</th><th>Status</th><th>Due</th><th>Labels</th></tr>");
        synchronized (jira) {
            for (JiraState.Issue i : jira.issuesByKey.values()) {
                sb.append("<tr><td><a href=\"/sandbox/issues/").append(esc(i.key)).append("\">").append(esc(i.key)).append("</a></td><td>")
                        .append(esc(jira.issueTypes.get(i.issueTypeId).name())).append("</td><td>").append(esc(i.text("summary"))).append("</td><td>")
                        .append(esc(jira.statuses.get(i.statusId).name())).append("</td><td>").append(esc(i.due().map(Object::toString).orElse("")))
                        .append("</td><td>").append(esc(String.join(", ", i.labels()))).append("</td></tr>");
            }
            sb.append("</table><h2>Boards</h2><ul>");
            jira.boards.values().forEach(b -> sb.append("<li><a href=\"/sandbox/boards/").append(b.id()).append("\">").append(esc(b.name())).append("</a></li>"));
        }
        sb.append("</ul><h2>Confluence pages</h2><ul>");
        synchronized (confluence) {
            confluence.pages.values().forEach(p -> sb.append("<li><a href=\"/sandbox/pages/").append(esc(p.id)).append("\">").append(esc(p.title))
                    .append("</a> (space ").append(esc(p.spaceKey)).append(", version ").append(p.current().number()).append(")</li>"));
        }
        return layout("Sandbox", sb.append("</ul>").toString());
    }

    private String issue(String key) {
        synchronized (jira) {
            JiraState.Issue i = jira.issue(key).orElseThrow(() -> new SandboxError(404, "Issue does not exist"));
            StringBuilder sb = new StringBuilder("<p>" + esc(jira.statuses.get(i.statusId).name()) + " · " + esc(jira.issueTypes.get(i.issueTypeId).name()) + "</p>");
            sb.append("<table>");
            i.fields.fields().forEachRemaining(e -> {
                String name = jira.fields.containsKey(e.getKey()) ? jira.fields.get(e.getKey()).name() : e.getKey();
                String value = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString();
                sb.append("<tr><th>").append(esc(name)).append("</th><td><pre>").append(esc(value)).append("</pre></td></tr>");
            });
            sb.append("</table><h2>Links</h2><ul>");
            for (JiraState.Link l : jira.links) {
                JiraState.LinkType t = jira.linkTypes.get(l.typeId());
                if (l.fromKey().equals(i.key)) sb.append("<li>").append(esc(t.outward())).append(" <a href=\"/sandbox/issues/").append(esc(l.toKey())).append("\">").append(esc(l.toKey())).append("</a></li>");
                if (l.toKey().equals(i.key)) sb.append("<li>").append(esc(t.inward())).append(" <a href=\"/sandbox/issues/").append(esc(l.fromKey())).append("\">").append(esc(l.fromKey())).append("</a></li>");
            }
            sb.append("</ul><h2>Comments</h2>");
            for (JiraState.Comment c : i.comments) {
                String body = c.body().isTextual() ? c.body().asText() : c.body().toString();
                sb.append("<div class=\"card\"><b>").append(esc(c.author())).append("</b><pre>").append(esc(body)).append("</pre></div>");
            }
            sb.append("<h2>Entity properties</h2><pre>").append(esc(i.properties.toString())).append("</pre>");
            return layout(i.key + ": " + i.text("summary"), sb.toString());
        }
    }

    private String board(String id) {
        synchronized (jira) {
            JiraState.Board b = jira.boards.get(Long.parseLong(id));
            if (b == null) throw new SandboxError(404, "No such board");
            StringBuilder sb = new StringBuilder("<p class=\"note\">Filter: " + esc(jira.filters.get(b.filterId()).jql()) + "</p><div class=\"cols\">");
            for (Map.Entry<String, List<JiraState.Issue>> col : api.columns(b).entrySet()) {
                sb.append("<div class=\"col\"><h3>").append(esc(col.getKey())).append(" (").append(col.getValue().size()).append(")</h3>");
                for (JiraState.Issue i : col.getValue()) {
                    sb.append("<div class=\"card\"><a href=\"/sandbox/issues/").append(esc(i.key)).append("\">").append(esc(i.key)).append("</a> ")
                            .append(esc(i.text("summary"))).append("<br><span class=\"note\">due ").append(esc(i.due().map(Object::toString).orElse("none")))
                            .append("</span></div>");
                }
                sb.append("</div>");
            }
            return layout("Board: " + b.name(), sb.append("</div>").toString());
        }
    }

    private static final java.util.regex.Pattern DETAILS = java.util.regex.Pattern.compile(
            "<ac:structured-macro ac:name=\"details\"[^>]*>(.*?)</ac:structured-macro>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("<tr><th>(.*?)</th><td>(.*?)</td></tr>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern HEADINGS = java.util.regex.Pattern.compile("<ac:parameter ac:name=\"headings\">(.*?)</ac:parameter>");

    /**
     * What Confluence draws for a Page Properties Report ({@code detailssummary}): a table of the pages
     * labelled postmortem in the space, one column per heading, read from each page's Page Properties. The
     * sandbox does not evaluate the macro's CQL; it takes that label and the page's space.
     */
    private String pagePropertiesReport(ConfluenceState.Page report) {
        String storage = report.current().storage();
        if (!storage.contains("ac:name=\"detailssummary\"")) return "";
        java.util.regex.Matcher h = HEADINGS.matcher(storage);
        List<String> headings = h.find() ? List.of(h.group(1).split(",")) : List.of();
        StringBuilder sb = new StringBuilder("<h2>Page Properties Report</h2><p class=\"note\">As Confluence draws the macro on this page (the sandbox lists pages labelled "
                + "postmortem in space " + esc(report.spaceKey) + ")</p><table><tr><th>Post-mortem</th>");
        headings.forEach(x -> sb.append("<th>").append(esc(x)).append("</th>"));
        sb.append("</tr>");
        for (ConfluenceState.Page p : confluence.pages.values()) {
            if (!p.spaceKey.equals(report.spaceKey) || !p.labels.contains("postmortem")) continue;
            java.util.regex.Matcher d = DETAILS.matcher(p.current().storage());
            Map<String, String> facts = new java.util.HashMap<>();
            if (d.find()) {
                java.util.regex.Matcher r = ROW.matcher(d.group(1));
                // the cells are Hindsight's escaped storage text; tags are dropped, entities stay escaped
                while (r.find()) facts.put(r.group(1).replaceAll("<[^>]+>", ""), r.group(2).replaceAll("<[^>]+>", ""));
            }
            sb.append("<tr><td><a href=\"/sandbox/pages/").append(esc(p.id)).append("\">").append(esc(p.title)).append("</a></td>");
            headings.forEach(x -> sb.append("<td>").append(facts.getOrDefault(esc(x), "")).append("</td>"));
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    private String page(String id) {
        synchronized (confluence) {
            ConfluenceState.Page p = confluence.pages.get(id);
            if (p == null) throw new SandboxError(404, "No such page");
            // the storage format is shown in a sandboxed frame: no scripts, no requests
            return layout(p.title, "<p class=\"note\">Version " + p.current().number() + " · labels " + esc(String.join(", ", p.labels)) + "</p>"
                    + pagePropertiesReport(p)
                    + "<iframe sandbox style=\"width:100%;height:80vh;border:1px solid rgb(193,199,208)\" srcdoc=\"" + esc(p.current().storage()) + "\"></iframe>"
                    + "<h2>Storage format</h2><pre>" + esc(p.current().storage()) + "</pre>");
        }
    }
}
