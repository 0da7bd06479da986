package io.hindsight.core.render;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The two ways every renderer reads user Markdown. Section text is blocks (headings, lists, quotes,
 * code). A table cell or list item (a timeline entry, a why, a factor) is one line of inline Markdown:
 * with commonmark's block parsers switched off, "# x", "> x", "----" or "1. x" stay the text they are.
 * In both, bare http(s) URLs become links, so no renderer escapes inside a URL; {@link SafeUrl}
 * still decides which links are allowed.
 */
final class MarkdownParsers {
    private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.builder().linkTypes(AutolinkType.URL).build());
    private static final Parser BLOCKS = Parser.builder().extensions(EXTENSIONS).build();
    private static final Parser INLINE = Parser.builder().enabledBlockTypes(Set.of()).extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private MarkdownParsers() {
    }

    /** Section text as a document of blocks; the text is cleaned of characters XML cannot hold first. */
    static Node blocks(String markdown) {
        return BLOCKS.parse(Xml.clean(markdown));
    }

    /**
     * One cell's text as paragraphs holding only inline nodes (more than one only where the text has
     * blank lines: callers join them).
     */
    static List<Paragraph> inline(String markdown) {
        String text = Xml.clean(markdown);
        Node doc = INLINE.parse(text);
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Paragraph> out = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                out.add(p);
            } else {
                // a link reference definition ("[1]: https://...") is the one block left: shown as typed
                Paragraph p = new Paragraph();
                p.appendChild(new Text(source(n, lines)));
                out.add(p);
            }
        }
        return out;
    }

    private static String source(Node n, String[] lines) {
        StringBuilder sb = new StringBuilder();
        for (SourceSpan s : n.getSourceSpans()) {
            String line = lines[s.getLineIndex()];
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(line, s.getColumnIndex(), Math.min(line.length(), s.getColumnIndex() + s.getLength()));
        }
        return sb.toString();
    }
}
