package io.hindsight.sandbox.view;

import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.site.SandboxError;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Jira Issues macro as Confluence draws it when its Jira is reachable: a live table of the issues
 * its JQL selects, answered by the sandbox's own Jira (the page's application link points there), or one
 * issue by {@code key}. A query Jira refuses is shown as the macro's error box with Jira's message.
 */
final class JiraIssuesMacro {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM dd, yyyy", Locale.ENGLISH);
    private static final Map<String, String> HEADINGS = Map.ofEntries(Map.entry("key", "Key"), Map.entry("summary", "Summary"),
            Map.entry("assignee", "Assignee"), Map.entry("due", "Due"), Map.entry("duedate", "Due"), Map.entry("priority", "P"),
            Map.entry("status", "Status"), Map.entry("type", "T"), Map.entry("issuetype", "T"), Map.entry("created", "Created"),
            Map.entry("updated", "Updated"), Map.entry("labels", "Labels"), Map.entry("reporter", "Reporter"), Map.entry("resolution", "Resolution"));

    private final JiraApi jira;

    JiraIssuesMacro(JiraApi jira) {
        this.jira = jira;
    }

    void draw(Map<String, String> params, Element out) {
        Element box = out.appendElement("div").addClass("jira-issues");
        JiraState state = jira.state();
        synchronized (state) {
            if (params.containsKey("key") && !params.containsKey("jqlquery")) {
                single(state, params.get("key"), box);
                return;
            }
            String jql = params.getOrDefault("jqlquery", "");
            List<JiraState.Issue> hits;
            try {
                hits = jira.search(jql);
            } catch (SandboxError e) {
                box.appendElement("div").addClass("macro-error").text("Jira Issues: Jira refused the query (" + e.getMessage() + "): " + jql);
                return;
            }
            int max = parseMax(params.get("maximumissues"));
            List<String> columns = new ArrayList<>();
            for (String c : params.getOrDefault("columns", "type,key,summary,assignee,reporter,priority,status,resolution,created,updated,due").split("[,;]")) {
                if (!c.isBlank()) columns.add(c.strip().toLowerCase(Locale.ROOT));
            }
            Element table = box.appendElement("table").addClass("confluence-table").addClass("jira-table");
            Element head = table.appendElement("thead").appendElement("tr");
            columns.forEach(c -> head.appendElement("th").text(HEADINGS.getOrDefault(c, c)));
            Element body = table.appendElement("tbody");
            for (JiraState.Issue i : hits.subList(0, Math.min(max, hits.size()))) {
                Element tr = body.appendElement("tr");
                for (String c : columns) cell(state, i, c, tr.appendElement("td").addClass("col-" + c.replaceAll("[^a-z]", "")));
            }
            box.appendElement("div").addClass("jira-issues-count").text(hits.size() + (hits.size() == 1 ? " issue" : " issues"));
        }
    }

    private static int parseMax(String s) {
        try {
            return s == null ? 20 : Math.max(1, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return 20;
        }
    }

    private void single(JiraState state, String key, Element box) {
        JiraState.Issue i = state.issue(key.strip()).orElse(null);
        if (i == null) {
            box.appendElement("span").addClass("macro-error").text("Jira Issues: " + key + " does not exist or you do not have permission to see it.");
            return;
        }
        Element line = box.appendElement("span").addClass("jira-issue");
        line.appendElement("a").attr("href", "/sandbox/issues/" + i.key).text(i.key);
        line.appendText(" - " + nullToEmpty(i.text("summary")) + " ");
        JiraState.Status s = state.statuses.get(i.statusId);
        Html.statusLozenge(line, s.categoryKey(), s.name());
    }

    private void cell(JiraState state, JiraState.Issue i, String column, Element td) {
        switch (column) {
            case "key" -> td.appendElement("a").attr("href", "/sandbox/issues/" + i.key).text(i.key);
            case "summary" -> td.appendElement("a").attr("href", "/sandbox/issues/" + i.key).text(nullToEmpty(i.text("summary")));
            case "assignee" -> {
                var who = jira.json().assignee(i);
                if (who.isPresent()) Html.user(td, who.get().displayName());
                else td.appendElement("span").addClass("note").text("Unassigned");
            }
            case "due", "duedate" -> td.text(i.due().map(DUE::format).orElse(""));
            case "priority" -> {
                String p = i.fields.path("priority").path("name").asText("");
                if (!p.isEmpty()) IssueView.priority(td, p);
            }
            case "status" -> {
                JiraState.Status s = state.statuses.get(i.statusId);
                Html.statusLozenge(td, s.categoryKey(), s.name());
            }
            case "type", "issuetype" -> td.text(state.issueTypes.get(i.issueTypeId).name());
            case "created" -> td.text(DUE.format(LocalDate.ofInstant(i.created, java.time.ZoneOffset.UTC)));
            case "updated" -> td.text(DUE.format(LocalDate.ofInstant(i.updated, java.time.ZoneOffset.UTC)));
            case "labels" -> td.text(String.join(", ", i.labels()));
            case "resolution" -> td.text(state.statuses.get(i.statusId).categoryKey().equals("done") ? "Done" : "Unresolved");
            default -> td.text("");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
