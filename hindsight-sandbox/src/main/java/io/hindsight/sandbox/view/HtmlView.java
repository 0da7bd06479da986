package io.hindsight.sandbox.view;

import io.hindsight.sandbox.confluence.ConfluenceState;
import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's read-only HTML view, drawn on the server with no scripts: the index of issues, boards
 * and pages; an issue as Jira shows it; a board; a Confluence page as Confluence draws it. Every page
 * is sent with a strict Content-Security-Policy.
 */
public final class HtmlView {
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String CSS = loadCss();

    private final JiraApi jira;
    private final ConfluenceState confluence;
    private final IssueView issues;
    private final StorageView storage;

    public HtmlView(JiraApi jira, ConfluenceState confluence) {
        this.jira = jira;
        this.confluence = confluence;
        this.issues = new IssueView(jira);
        this.storage = new StorageView(confluence, new JiraIssuesMacro(jira));
    }

    public void routes(Route on) {
        on.add("GET", "/sandbox", ex -> send(ex, index()));
        on.add("GET", "/sandbox/issues/{key}", ex -> send(ex, issues.draw(ex.param(0))));
        // the links Hindsight writes into pages and comments point at Jira's issue page: the sandbox's view is it
        on.add("GET", "/browse/{key}", ex -> {
            ex.header("Location", "/sandbox/issues/" + java.net.URLEncoder.encode(ex.param(0), StandardCharsets.UTF_8));
            ex.text("text/plain; charset=utf-8", "");
            ex.status(302);
        });
        on.add("GET", "/sandbox/boards/{id}", ex -> send(ex, board(ex.param(0))));
        on.add("GET", "/sandbox/pages/{id}", ex -> send(ex, page(ex.param(0))));
        on.add("GET", "/sandbox/static/favicon.svg", ex -> ex.text("image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#253858\"/>"
                        + "<path d=\"M4 4h2v3h4V4h2v8h-2V9H6v3H4z\" fill=\"#fff\"/></svg>"));
        on.add("GET", "/sandbox/static/sandbox.css", ex -> {
            ex.text("text/css; charset=utf-8", CSS);
            ex.header("Cache-Control", "no-cache");
        });
    }

    private static void send(Exchange ex, Document d) {
        ex.html(Html.html(d));
        ex.header("Content-Security-Policy", Html.CSP);
        ex.header("X-Content-Type-Options", "nosniff");
        ex.header("Referrer-Policy", "no-referrer");
    }

    private static String loadCss() {
        try (InputStream in = HtmlView.class.getResourceAsStream("sandbox.css")) {
            if (in == null) throw new IllegalStateException("sandbox.css is missing from the sandbox's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document index() {
        Document d = Html.page("Hindsight sandbox", "Sandbox");
        Element main = Html.main(d);
        main.appendElement("h1").text("Sandbox");
        JiraState state = jira.state();
        synchronized (state) {
            main.appendElement("h2").text("Issues");
            Element table = main.appendElement("table").addClass("confluence-table").addClass("issue-table");
            Element head = table.appendElement("thead").appendElement("tr");
            for (String h : List.of("Key", "Type", "Summary", "Assignee", "P", "Status", "Due", "Labels")) head.appendElement("th").text(h);
            Element body = table.appendElement("tbody");
            for (JiraState.Issue i : state.issuesByKey.values()) {
                Element tr = body.appendElement("tr");
                tr.appendElement("td").appendElement("a").attr("href", "/sandbox/issues/" + i.key).text(i.key);
                tr.appendElement("td").text(state.issueTypes.get(i.issueTypeId).name());
                tr.appendElement("td").appendElement("a").attr("href", "/sandbox/issues/" + i.key).text(i.text("summary") == null ? "" : i.text("summary"));
                Element who = tr.appendElement("td");
                jira.json().assignee(i).ifPresentOrElse(u -> Html.user(who, u.displayName()), () -> who.appendElement("span").addClass("note").text("Unassigned"));
                Element p = tr.appendElement("td");
                String priority = i.fields.path("priority").path("name").asText("");
                if (!priority.isEmpty()) IssueView.priority(p, priority);
                JiraState.Status s = state.statuses.get(i.statusId);
                Html.statusLozenge(tr.appendElement("td"), s.categoryKey(), s.name());
                tr.appendElement("td").text(i.due().map(Object::toString).orElse(""));
                Element labels = tr.appendElement("td");
                i.labels().forEach(l -> labels.appendElement("span").addClass("label").text(l));
            }
            if (state.issuesByKey.isEmpty()) main.appendElement("p").addClass("note").text("No issues yet.");
            main.appendElement("h2").text("Boards");
            Element boards = main.appendElement("ul");
            state.boards.values().forEach(b -> boards.appendElement("li").appendElement("a").attr("href", "/sandbox/boards/" + b.id()).text(b.name()));
            if (state.boards.isEmpty()) main.appendElement("p").addClass("note").text("No boards yet.");
        }
        synchronized (confluence) {
            main.appendElement("h2").text("Confluence pages");
            Element pages = main.appendElement("ul");
            for (ConfluenceState.Page p : confluence.pages.values()) {
                Element li = pages.appendElement("li");
                li.appendElement("a").attr("href", "/sandbox/pages/" + p.id).text(p.title);
                li.appendElement("span").addClass("note").text(" space " + p.spaceKey + ", version " + p.current().number());
            }
            if (confluence.pages.isEmpty()) main.appendElement("p").addClass("note").text("No pages yet.");
        }
        return d;
    }

    private Document board(String id) {
        JiraState state = jira.state();
        synchronized (state) {
            JiraState.Board b;
            try {
                b = state.boards.get(Long.parseLong(id));
            } catch (NumberFormatException e) {
                b = null;
            }
            if (b == null) throw new SandboxError(404, "No such board");
            Document d = Html.page("Board: " + b.name(), "Jira");
            Element main = Html.main(d).addClass("board");
            main.appendElement("h1").text(b.name());
            main.appendElement("p").addClass("note").text("Filter: " + state.filters.get(b.filterId()).jql());
            Element cols = main.appendElement("div").addClass("columns");
            for (Map.Entry<String, List<JiraState.Issue>> col : jira.columns(b).entrySet()) {
                Element c = cols.appendElement("section").addClass("column");
                c.appendElement("h2").text(col.getKey().toUpperCase(Locale.ROOT) + " " + col.getValue().size());
                for (JiraState.Issue i : col.getValue()) {
                    Element card = c.appendElement("article").addClass("card");
                    card.appendElement("a").attr("href", "/sandbox/issues/" + i.key).addClass("card-summary").text(i.text("summary") == null ? "" : i.text("summary"));
                    Element foot = card.appendElement("div").addClass("card-foot");
                    foot.appendElement("a").attr("href", "/sandbox/issues/" + i.key).addClass("issue-key").text(i.key);
                    String priority = i.fields.path("priority").path("name").asText("");
                    if (!priority.isEmpty()) IssueView.priority(foot, priority);
                    i.due().ifPresent(due -> foot.appendElement("span").addClass("due").text("due " + due));
                    jira.json().assignee(i).ifPresent(u -> Html.user(foot, u.displayName()).addClass("card-assignee"));
                }
            }
            return d;
        }
    }

    private Document page(String id) {
        synchronized (confluence) {
            ConfluenceState.Page p = confluence.pages.get(id);
            if (p == null) throw new SandboxError(404, "No such page");
            Document d = Html.page(p.title, "Confluence");
            Element main = Html.main(d).addClass("wiki-page");
            Element crumbs = main.appendElement("nav").addClass("breadcrumbs");
            ConfluenceState.Space space = confluence.spaces.get(p.spaceKey);
            crumbs.appendElement("span").text(space == null ? p.spaceKey : space.name());
            ConfluenceState.Page parent = p.parentId == null ? null : confluence.pages.get(p.parentId);
            if (parent != null) {
                crumbs.appendText(" / ");
                crumbs.appendElement("a").attr("href", "/sandbox/pages/" + parent.id).text(parent.title);
            }
            main.appendElement("h1").addClass("page-title").text(p.title);
            ConfluenceState.Version v = p.current();
            main.appendElement("p").addClass("byline").text("Created by " + p.versions.get(0).author() + ", last updated " + UPDATED.format(v.when())
                    + (v.number() > 1 ? " by " + v.author() + " (version " + v.number() + ")" : ""));
            Element content = main.appendElement("div").addClass("wiki-content");
            storage.draw(v.storage(), p, content);
            if (!p.labels.isEmpty()) {
                Element labels = main.appendElement("div").addClass("page-labels");
                labels.appendElement("span").addClass("note").text("Labels: ");
                p.labels.forEach(l -> labels.appendElement("span").addClass("label").text(l));
            }
            Element source = main.appendElement("details").addClass("storage-source");
            source.appendElement("summary").text("Storage format (what the REST API holds)");
            source.appendElement("pre").text(v.storage());
            return d;
        }
    }
}
