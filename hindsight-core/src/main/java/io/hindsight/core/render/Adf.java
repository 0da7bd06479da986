package io.hindsight.core.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Small constructors for Atlassian Document Format nodes (Jira Cloud REST v3). Text goes into JSON
 * strings, which Jackson escapes; only characters XML 1.0 forbids are removed first, as Jira rejects them.
 */
final class Adf {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Adf() {
    }

    static ObjectNode doc(List<ObjectNode> blocks) {
        ObjectNode doc = F.objectNode().put("type", "doc").put("version", 1);
        doc.set("content", array(blocks));
        return doc;
    }

    static ObjectNode node(String type, List<ObjectNode> content) {
        ObjectNode n = F.objectNode().put("type", type);
        n.set("content", array(content));
        return n;
    }

    static ObjectNode paragraph(List<ObjectNode> inline) {
        return inline.isEmpty() ? F.objectNode().put("type", "paragraph") : node("paragraph", inline);
    }

    static ObjectNode heading(int level, List<ObjectNode> inline) {
        ObjectNode h = node("heading", inline);
        h.set("attrs", F.objectNode().put("level", Math.max(1, Math.min(6, level))));
        return h;
    }

    /** A text node, or null for empty text (ADF forbids it). */
    static ObjectNode text(String text, List<ObjectNode> marks) {
        String t = Xml.clean(text);
        if (t.isEmpty()) return null;
        ObjectNode n = F.objectNode().put("type", "text").put("text", t);
        if (!marks.isEmpty()) n.set("marks", array(marks));
        return n;
    }

    static ObjectNode mark(String type) {
        return F.objectNode().put("type", type);
    }

    static ObjectNode link(String safeUrl) {
        ObjectNode m = mark("link");
        m.set("attrs", F.objectNode().put("href", safeUrl));
        return m;
    }

    /** A status lozenge; Confluence colour names map to ADF's. */
    static ObjectNode status(PageView.Lozenge lozenge) {
        ObjectNode n = F.objectNode().put("type", "status");
        String colour = switch (lozenge.colour()) {
            case "Red" -> "red";
            case "Yellow" -> "yellow";
            case "Green" -> "green";
            case "Blue" -> "blue";
            case "Purple" -> "purple";
            default -> "neutral";
        };
        n.set("attrs", F.objectNode().put("text", lozenge.text()).put("color", colour));
        return n;
    }

    static ObjectNode codeBlock(String language, String code) {
        ObjectNode n = F.objectNode().put("type", "codeBlock");
        if (language != null && !language.isEmpty()) n.set("attrs", F.objectNode().put("language", language));
        ObjectNode t = text(code, List.of());
        if (t != null) n.set("content", array(List.of(t)));
        return n;
    }

    static ObjectNode panel(String type, List<ObjectNode> content) {
        ObjectNode n = node("panel", content);
        n.set("attrs", F.objectNode().put("panelType", type));
        return n;
    }

    static ObjectNode leaf(String type) {
        return F.objectNode().put("type", type);
    }

    static ArrayNode array(List<ObjectNode> items) {
        ArrayNode a = F.arrayNode();
        for (ObjectNode i : items) if (i != null) a.add(i);
        return a;
    }
}
