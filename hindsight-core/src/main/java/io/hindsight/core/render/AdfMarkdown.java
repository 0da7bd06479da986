package io.hindsight.core.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Section text (Markdown) as ADF block and inline nodes. Only http(s) links survive; raw HTML is text. */
final class AdfMarkdown {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9+#-]{1,20}");

    private AdfMarkdown() {
    }

    static List<ObjectNode> blocks(String markdown) {
        List<ObjectNode> out = new ArrayList<>();
        for (Node n = MarkdownParsers.blocks(markdown).getFirstChild(); n != null; n = n.getNext()) block(n, out);
        return out;
    }

    /** Inline nodes of a table cell or list item (a timeline entry, a why): text that looks like a block stays text. */
    static List<ObjectNode> inline(String markdown) {
        List<ObjectNode> out = new ArrayList<>();
        for (Paragraph p : MarkdownParsers.inline(markdown)) {
            if (!out.isEmpty()) out.add(Adf.text(" ", List.of()));
            inlines(p, List.of(), out);
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private static void block(Node n, List<ObjectNode> out) {
        if (n instanceof Paragraph p) {
            out.add(Adf.paragraph(inlineOf(p)));
        } else if (n instanceof Heading h) {
            out.add(Adf.heading(Math.min(6, h.getLevel() + 1), inlineOf(h)));
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            List<ObjectNode> items = new ArrayList<>();
            for (Node i = n.getFirstChild(); i != null; i = i.getNext()) items.add(listItem((ListItem) i));
            ObjectNode list = Adf.node(n instanceof BulletList ? "bulletList" : "orderedList", items);
            if (n instanceof OrderedList ol && ol.getMarkerStartNumber() != null && ol.getMarkerStartNumber() != 1) {
                list.set("attrs", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("order", ol.getMarkerStartNumber()));
            }
            out.add(list);
        } else if (n instanceof BlockQuote q) {
            List<ObjectNode> content = new ArrayList<>();
            for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                // a blockquote holds paragraphs, lists and code, not headings or nested quotes
                if (c instanceof Heading || c instanceof BlockQuote || c instanceof ThematicBreak) content.add(Adf.paragraph(textOnly(plain(c))));
                else block(c, content);
            }
            if (!content.isEmpty()) out.add(Adf.node("blockquote", content));
        } else if (n instanceof FencedCodeBlock f) {
            String lang = f.getInfo() == null ? "" : f.getInfo().strip().split("\\s+")[0];
            out.add(Adf.codeBlock(LANGUAGE.matcher(lang).matches() ? lang : null, f.getLiteral().stripTrailing()));
        } else if (n instanceof IndentedCodeBlock i) {
            out.add(Adf.codeBlock(null, i.getLiteral().stripTrailing()));
        } else if (n instanceof ThematicBreak) {
            out.add(Adf.leaf("rule"));
        } else if (n instanceof HtmlBlock h) {
            out.add(Adf.paragraph(textOnly(h.getLiteral().strip())));
        }
    }

    private static ObjectNode listItem(ListItem item) {
        List<ObjectNode> content = new ArrayList<>();
        for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Paragraph || c instanceof BulletList || c instanceof OrderedList
                    || c instanceof FencedCodeBlock || c instanceof IndentedCodeBlock) block(c, content);
            else content.add(Adf.paragraph(textOnly(plain(c))));
        }
        if (content.isEmpty()) content.add(Adf.paragraph(List.of()));
        return Adf.node("listItem", content);
    }

    private static List<ObjectNode> inlineOf(Node parent) {
        List<ObjectNode> out = new ArrayList<>();
        inlines(parent, List.of(), out);
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private static List<ObjectNode> textOnly(String s) {
        ObjectNode t = Adf.text(s, List.of());
        return t == null ? List.of() : List.of(t);
    }

    private static void inlines(Node parent, List<ObjectNode> marks, List<ObjectNode> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                out.add(Adf.text(t.getLiteral(), marks));
            } else if (n instanceof Code c) {
                // ADF allows code only with a link mark
                List<ObjectNode> codeMarks = new ArrayList<>(marks.stream().filter(m -> m.get("type").asText().equals("link")).toList());
                codeMarks.add(Adf.mark("code"));
                out.add(Adf.text(c.getLiteral(), codeMarks));
            } else if (n instanceof Emphasis) {
                inlines(n, with(marks, Adf.mark("em")), out);
            } else if (n instanceof StrongEmphasis) {
                inlines(n, with(marks, Adf.mark("strong")), out);
            } else if (n instanceof Link l) {
                Optional<String> url = SafeUrl.http(l.getDestination());
                inlines(n, url.map(u -> with(marks, Adf.link(u))).orElse(marks), out);
            } else if (n instanceof Image img) {
                Optional<String> url = SafeUrl.http(img.getDestination());
                inlines(n, url.map(u -> with(marks, Adf.link(u))).orElse(marks), out);
            } else if (n instanceof HtmlInline h) {
                out.add(Adf.text(h.getLiteral(), marks));
            } else if (n instanceof SoftLineBreak) {
                out.add(Adf.text(" ", marks));
            } else if (n instanceof HardLineBreak) {
                out.add(Adf.leaf("hardBreak"));
            } else {
                inlines(n, marks, out);
            }
        }
    }

    private static List<ObjectNode> with(List<ObjectNode> marks, ObjectNode mark) {
        if (marks.stream().anyMatch(m -> m.get("type").asText().equals(mark.get("type").asText()))) return marks;
        List<ObjectNode> out = new ArrayList<>(marks);
        out.add(mark);
        return out;
    }

    private static String plain(Node n) {
        if (n instanceof Text t) return t.getLiteral();
        if (n instanceof Code c) return c.getLiteral();
        if (n instanceof FencedCodeBlock f) return f.getLiteral();
        if (n instanceof IndentedCodeBlock i) return i.getLiteral();
        if (n instanceof HtmlBlock h) return h.getLiteral();
        if (n instanceof HtmlInline h) return h.getLiteral();
        StringBuilder sb = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (sb.length() > 0 && (c instanceof Paragraph || c instanceof ListItem)) sb.append(' ');
            sb.append(plain(c));
        }
        return sb.toString();
    }
}
