package io.hindsight.sandbox.view;

import io.hindsight.sandbox.confluence.ConfluenceState;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a page's Confluence storage format as Confluence draws it, on the server: status lozenges, info,
 * note, warning and tip panels, tables, expand, code, Page Properties and their report, the Jira Issues
 * macro (by {@link JiraIssuesMacro}), and a labelled box for a macro the sandbox does not know.
 * <p>
 * The storage is read with jsoup's XML parser (it knows HTML entities and CDATA) and the output is built
 * element by element from an allow-list: an element that is not on it is dropped and its text kept as
 * text; script and style are dropped whole; attributes are never copied except links that are safe.
 */
final class StorageView {
    private static final Set<String> BLOCKS_AND_INLINES = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead",
            "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "code", "pre",
            "blockquote", "br", "hr", "span", "div", "small", "big", "cite", "q", "dl", "dt", "dd", "caption");
    private static final Set<String> DROPPED_WHOLE = Set.of("script", "style", "iframe", "object", "embed", "template", "noscript", "svg",
            "math", "head", "title", "textarea", "select", "button", "input", "form");
    private static final Map<String, String> PANEL_ICONS = Map.of("info", "i", "note", "!", "warning", "×", "tip", "✓");

    private final ConfluenceState confluence;
    private final JiraIssuesMacro jiraIssues;
    /** Page Properties Reports look into other pages' Page Properties; they are not reports themselves. */
    private final boolean drawReports;

    StorageView(ConfluenceState confluence, JiraIssuesMacro jiraIssues) {
        this(confluence, jiraIssues, true);
    }

    private StorageView(ConfluenceState confluence, JiraIssuesMacro jiraIssues, boolean drawReports) {
        this.confluence = confluence;
        this.jiraIssues = jiraIssues;
        this.drawReports = drawReports;
    }

    /** Reads storage XML as Confluence stores it (entities such as &amp;nbsp; allowed, no root element needed). */
    static Document parse(String storage) {
        return Jsoup.parse(storage == null ? "" : storage, "", Parser.xmlParser());
    }

    /** Appends the drawing of {@code storage} to {@code out}. Callers hold the Confluence state's lock. */
    void draw(String storage, ConfluenceState.Page page, Element out) {
        children(parse(storage), page, out);
    }

    private void children(Node in, ConfluenceState.Page page, Element out) {
        for (Node n : in.childNodes()) node(n, page, out);
    }

    private void node(Node n, ConfluenceState.Page page, Element out) {
        if (n instanceof TextNode t) {
            out.appendText(t.getWholeText());
            return;
        }
        if (!(n instanceof Element e)) return; // comments, declarations, processing instructions
        String tag = e.tagName().toLowerCase(Locale.ROOT);
        switch (tag) {
            case "ac:structured-macro", "ac:macro" -> macro(e, page, out);
            case "ac:link" -> link(e, out);
            case "ac:image" -> image(e, out);
            case "ac:emoticon" -> out.appendElement("span").addClass("emoticon").text(emoticon(e.attr("ac:name")));
            case "ac:task-list" -> {
                Element ul = out.appendElement("ul").addClass("task-list");
                for (Element task : e.children()) {
                    if (!task.tagName().equalsIgnoreCase("ac:task")) continue;
                    Element status = child(task, "ac:task-status");
                    boolean done = status != null && status.text().strip().equals("complete");
                    Element li = ul.appendElement("li").addClass(done ? "task-done" : "task-open");
                    li.appendElement("span").addClass("checkbox").attr("aria-hidden", "true").text(done ? "☑" : "☐");
                    Element body = child(task, "ac:task-body");
                    if (body != null) children(body, page, li);
                }
            }
            case "ac:layout", "ac:layout-section", "ac:layout-cell" -> children(e, page, out.appendElement("div").addClass(tag.substring(3)));
            case "ac:placeholder", "ac:parameter", "ac:task-id" -> { }
            case "ac:rich-text-body", "ac:plain-text-body", "ac:task-body" -> children(e, page, out);
            case "time" -> out.appendElement("span").addClass("date-lozenge").text(e.attr("datetime").isEmpty() ? e.text() : e.attr("datetime"));
            case "a" -> {
                String href = Html.safeHref(e.attr("href"));
                Element a = href == null ? out.appendElement("span") : out.appendElement("a").attr("href", href);
                children(e, page, a);
            }
            default -> {
                if (DROPPED_WHOLE.contains(tag)) return;
                if (tag.startsWith("ri:")) return;
                if (BLOCKS_AND_INLINES.contains(tag)) {
                    Element copy = out.appendElement(tag);
                    for (String span : List.of("colspan", "rowspan")) {
                        String v = e.attr(span);
                        if (v.matches("[1-9][0-9]?")) copy.attr(span, v);
                    }
                    children(e, page, copy);
                } else {
                    children(e, page, out); // an element Confluence would not store: its text, not its tag
                }
            }
        }
    }

    private void macro(Element e, ConfluenceState.Page page, Element out) {
        String name = e.attr("ac:name").toLowerCase(Locale.ROOT);
        Map<String, String> params = params(e);
        Element body = child(e, "ac:rich-text-body");
        Element plain = child(e, "ac:plain-text-body");
        switch (name) {
            case "status" -> Html.lozenge(out, params.getOrDefault("colour", "Grey"), params.getOrDefault("title", params.getOrDefault("colour", "")),
                    "true".equals(params.get("subtle")));
            case "info", "note", "warning", "tip" -> {
                Element panel = out.appendElement("div").addClass("panel").addClass("panel-" + name);
                panel.appendElement("span").addClass("panel-icon").attr("aria-hidden", "true").text(PANEL_ICONS.get(name));
                Element content = panel.appendElement("div").addClass("panel-content");
                if (params.containsKey("title")) content.appendElement("p").addClass("panel-title").text(params.get("title"));
                if (body != null) children(body, page, content);
            }
            case "panel" -> {
                Element panel = out.appendElement("div").addClass("panel").addClass("panel-plain");
                if (params.containsKey("title")) panel.appendElement("div").addClass("panel-header").text(params.get("title"));
                Element content = panel.appendElement("div").addClass("panel-content");
                if (body != null) children(body, page, content);
            }
            case "expand" -> {
                Element details = out.appendElement("details").addClass("expand");
                details.appendElement("summary").text(params.getOrDefault("title", "Click here to expand..."));
                if (body != null) children(body, page, details.appendElement("div").addClass("expand-content"));
            }
            case "code", "noformat" -> {
                Element block = out.appendElement("div").addClass("code-block");
                if (params.containsKey("title")) block.appendElement("div").addClass("code-title").text(params.get("title"));
                Element code = block.appendElement("pre").appendElement("code");
                if (params.containsKey("language")) code.addClass("language-" + params.get("language").replaceAll("[^A-Za-z0-9+#-]", ""));
                code.text(plain == null ? (body == null ? "" : body.wholeText()) : plain.wholeText());
            }
            case "details" -> {
                // Page Properties: shown on the page unless hidden; a report elsewhere reads them
                if ("true".equals(params.get("hidden"))) return;
                Element box = out.appendElement("div").addClass("page-properties");
                if (body != null) children(body, page, box);
            }
            case "detailssummary" -> {
                if (drawReports) pagePropertiesReport(params, page, out);
                else unknown(out, name, "a report inside Page Properties is not drawn");
            }
            case "jira" -> jiraIssues.draw(params, out);
            case "anchor" -> { }
            default -> unknown(out, e.attr("ac:name"), null);
        }
    }

    private static void unknown(Element out, String name, String why) {
        Element box = out.appendElement("div").addClass("unknown-macro");
        box.appendElement("span").addClass("unknown-macro-label").text("Unknown macro: '" + name + "'");
        if (why != null) box.appendElement("span").addClass("note").text(" (" + why + ")");
    }

    private static Map<String, String> params(Element macro) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element c : macro.children()) {
            if (c.tagName().equalsIgnoreCase("ac:parameter")) out.put(c.attr("ac:name").toLowerCase(Locale.ROOT), c.wholeText().strip());
        }
        return out;
    }

    private static Element child(Element e, String tag) {
        for (Element c : e.children()) if (c.tagName().equalsIgnoreCase(tag)) return c;
        return null;
    }

    /** ac:link: to a page (by title), a user, or a URL; shown with its link body or the target's name. */
    private void link(Element e, Element out) {
        Element body = child(e, "ac:plain-text-link-body");
        if (body == null) body = child(e, "ac:link-body");
        Element pageRef = child(e, "ri:page");
        Element userRef = child(e, "ri:user");
        Element urlRef = child(e, "ri:url");
        if (pageRef != null) {
            String title = pageRef.attr("ri:content-title");
            String space = pageRef.attr("ri:space-key");
            String text = body == null ? title : body.text();
            ConfluenceState.Page target = confluence.pages.values().stream()
                    .filter(p -> p.title.equals(title) && (space.isEmpty() || p.spaceKey.equals(space))).findFirst().orElse(null);
            if (target == null) out.appendElement("span").addClass("missing-link").text(text);
            else out.appendElement("a").attr("href", "/sandbox/pages/" + target.id).text(text);
        } else if (userRef != null) {
            String who = userRef.attr("ri:username").isEmpty() ? userRef.attr("ri:account-id") : userRef.attr("ri:username");
            out.appendElement("span").addClass("mention").text("@" + (body == null ? who : body.text()));
        } else if (urlRef != null) {
            Html.link(out, urlRef.attr("ri:value"), body == null ? urlRef.attr("ri:value") : body.text());
        } else {
            out.appendText(body == null ? "" : body.text());
        }
    }

    /** The sandbox loads nothing from elsewhere (its pages allow no outside requests): an image is a box with its text and address. */
    private static void image(Element e, Element out) {
        Element urlRef = child(e, "ri:url");
        Element att = child(e, "ri:attachment");
        String alt = e.attr("ac:alt");
        Element box = out.appendElement("span").addClass("image-placeholder");
        box.appendElement("span").addClass("note").text("Image" + (alt.isBlank() ? "" : ": " + alt) + " ");
        if (urlRef != null) Html.link(box, urlRef.attr("ri:value"), urlRef.attr("ri:value"));
        else if (att != null) box.appendText(att.attr("ri:filename"));
    }

    private static String emoticon(String name) {
        return switch (name) {
            case "tick" -> "✔";
            case "cross" -> "✖";
            case "warning" -> "⚠";
            case "information" -> "ℹ";
            case "smile" -> "🙂";
            case "sad" -> "🙁";
            case "thumbs-up" -> "👍";
            case "thumbs-down" -> "👎";
            case "star", "yellow-star" -> "★";
            default -> ":" + name + ":";
        };
    }

    // ---- Page Properties Report ----------------------------------------------------------------

    /**
     * What Confluence draws for {@code detailssummary}: one row per page the CQL selects that has Page
     * Properties, the first column the page's title, then one column per heading with that property's
     * value as the page draws it. The sandbox understands the CQL the macro's editor writes: {@code label}
     * (= or in), {@code space} (= a key or currentSpace()) joined by {@code and}.
     */
    private void pagePropertiesReport(Map<String, String> params, ConfluenceState.Page reportPage, Element out) {
        Element box = out.appendElement("div").addClass("page-properties-report");
        PageQuery query;
        try {
            query = PageQuery.parse(params.getOrDefault("cql", ""), reportPage == null ? null : reportPage.spaceKey);
        } catch (IllegalArgumentException ex) {
            box.appendElement("div").addClass("macro-error").text("Page Properties Report: " + ex.getMessage());
            return;
        }
        List<String> headings = new ArrayList<>();
        for (String h : params.getOrDefault("headings", "").split(",")) if (!h.isBlank()) headings.add(h.strip());
        StorageView inner = new StorageView(confluence, jiraIssues, false);
        List<Row> rows = new ArrayList<>();
        for (ConfluenceState.Page p : confluence.pages.values()) {
            if (p == reportPage || !query.matches(p)) continue;
            Element details = null;
            for (Element m : parse(p.current().storage()).getElementsByTag("ac:structured-macro")) {
                if (m.attr("ac:name").equalsIgnoreCase("details")) {
                    details = m;
                    break;
                }
            }
            if (details == null) continue;
            Map<String, Element> facts = new LinkedHashMap<>();
            for (Element tr : details.getElementsByTag("tr")) {
                Element th = tr.selectFirst("> th");
                Element td = tr.selectFirst("> td");
                if (th != null && td != null) facts.putIfAbsent(th.text().strip(), td);
            }
            if (headings.isEmpty()) headings.addAll(facts.keySet());
            rows.add(new Row(p, facts));
        }
        String sortBy = params.get("sortby");
        Comparator<Row> order = sortBy == null ? Comparator.comparing((Row r) -> r.page().title)
                : Comparator.comparing((Row r) -> r.facts().containsKey(sortBy) ? r.facts().get(sortBy).text() : "");
        if ("true".equals(params.get("reversesort"))) order = order.reversed();
        rows.sort(order);
        Element table = box.appendElement("table").addClass("confluence-table");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text(params.getOrDefault("firstcolumn", "Title"));
        headings.forEach(h -> head.appendElement("th").text(h));
        Element tbody = table.appendElement("tbody");
        for (Row r : rows) {
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").appendElement("a").attr("href", "/sandbox/pages/" + r.page().id).text(r.page().title);
            for (String h : headings) {
                Element td = tr.appendElement("td");
                Element value = r.facts().get(h);
                if (value != null) inner.children(value, r.page(), td);
            }
        }
        if (rows.isEmpty()) box.appendElement("p").addClass("note").text("No content found.");
    }

    private record Row(ConfluenceState.Page page, Map<String, Element> facts) {
    }
}
