package io.hindsight.sandbox.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Atlassian Document Format (Jira Cloud descriptions, comments and rich text fields) to HTML, node by
 * node as Jira Cloud's renderer shows them. No Java library for this is on Maven Central; the format is
 * a small JSON tree, and each node maps to one element built through jsoup, so text is always escaped.
 * A node type the sandbox does not know is shown as a labelled placeholder, never dropped silently.
 */
final class AdfHtml {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATUS_COLOURS = Map.of("neutral", "grey", "purple", "purple", "blue", "blue", "red", "red",
            "yellow", "yellow", "green", "green");

    private AdfHtml() {
    }

    static void append(JsonNode doc, Element out) {
        if (!doc.isObject() || !"doc".equals(doc.path("type").asText())) {
            out.appendElement("pre").text(doc.toString());
            return;
        }
        content(doc, out);
    }

    private static void content(JsonNode node, Element out) {
        for (JsonNode child : node.path("content")) node(child, out);
    }

    private static void node(JsonNode n, Element out) {
        String type = n.path("type").asText();
        JsonNode attrs = n.path("attrs");
        switch (type) {
            case "paragraph" -> content(n, out.appendElement("p"));
            case "heading" -> content(n, out.appendElement("h" + Math.max(1, Math.min(6, attrs.path("level").asInt(2)))));
            case "bulletList" -> content(n, out.appendElement("ul"));
            case "orderedList" -> content(n, out.appendElement("ol"));
            case "listItem" -> content(n, out.appendElement("li"));
            case "blockquote" -> content(n, out.appendElement("blockquote"));
            case "rule" -> out.appendElement("hr");
            case "hardBreak" -> out.appendElement("br");
            case "codeBlock" -> {
                StringBuilder sb = new StringBuilder();
                n.path("content").forEach(t -> sb.append(t.path("text").asText()));
                out.appendElement("div").addClass("code-block").appendElement("pre").appendElement("code").text(sb.toString());
            }
            case "panel" -> {
                String kind = switch (attrs.path("panelType").asText("info")) {
                    case "note" -> "note";
                    case "warning", "error" -> "warning";
                    case "success", "tip" -> "tip";
                    default -> "info";
                };
                Element panel = out.appendElement("div").addClass("panel").addClass("panel-" + kind);
                panel.appendElement("span").addClass("panel-icon").attr("aria-hidden", "true").text(kind.equals("info") ? "i" : kind.equals("tip") ? "✓" : "!");
                content(n, panel.appendElement("div").addClass("panel-content"));
            }
            case "table" -> content(n, out.appendElement("table").addClass("confluence-table").appendElement("tbody"));
            case "tableRow" -> content(n, out.appendElement("tr"));
            case "tableHeader", "tableCell" -> {
                Element cell = out.appendElement(type.equals("tableHeader") ? "th" : "td");
                int span = attrs.path("colspan").asInt(1);
                if (span > 1 && span < 100) cell.attr("colspan", String.valueOf(span));
                content(n, cell);
            }
            case "expand", "nestedExpand" -> {
                Element details = out.appendElement("details").addClass("expand");
                details.appendElement("summary").text(attrs.path("title").asText("Click here to expand..."));
                content(n, details.appendElement("div").addClass("expand-content"));
            }
            case "text" -> text(n, out);
            case "status" -> Html.lozenge(out, STATUS_COLOURS.getOrDefault(attrs.path("color").asText(), "grey"), attrs.path("text").asText(), false);
            case "mention" -> out.appendElement("span").addClass("mention").text(attrs.path("text").asText("@" + attrs.path("id").asText()));
            case "emoji" -> out.appendElement("span").addClass("emoticon").text(attrs.path("text").asText(attrs.path("shortName").asText()));
            case "date" -> {
                String ts = attrs.path("timestamp").asText();
                String shown;
                try {
                    shown = DATE.format(Instant.ofEpochMilli(Long.parseLong(ts)));
                } catch (NumberFormatException e) {
                    shown = ts;
                }
                out.appendElement("span").addClass("date-lozenge").text(shown);
            }
            case "inlineCard", "blockCard", "embedCard" -> Html.link(out, attrs.path("url").asText(), attrs.path("url").asText());
            default -> out.appendElement("span").addClass("unknown-macro").text("Unsupported content: " + type);
        }
    }

    private static void text(JsonNode n, Element out) {
        Element target = out;
        for (JsonNode mark : n.path("marks")) {
            String m = mark.path("type").asText();
            target = switch (m) {
                case "strong" -> target.appendElement("strong");
                case "em" -> target.appendElement("em");
                case "code" -> target.appendElement("code");
                case "strike" -> target.appendElement("del");
                case "underline" -> target.appendElement("u");
                case "subsup" -> target.appendElement("sup".equals(mark.path("attrs").path("type").asText()) ? "sup" : "sub");
                case "textColor" -> {
                    Element span = target.appendElement("span");
                    String cls = Html.PALETTE.get(mark.path("attrs").path("color").asText().toLowerCase(Locale.ROOT));
                    if (cls != null) span.addClass(cls);
                    yield span;
                }
                case "link" -> {
                    String href = Html.safeHref(mark.path("attrs").path("href").asText());
                    yield href == null ? target.appendElement("span") : target.appendElement("a").attr("href", href);
                }
                default -> target;
            };
        }
        target.appendText(n.path("text").asText());
    }
}
