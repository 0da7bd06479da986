package io.hindsight.core.render;

import org.commonmark.node.AbstractVisitor;
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

import java.util.Optional;

/**
 * Section text (Markdown) as Jira Data Center wiki markup. Every text run is escaped with
 * {@link WikiText}; structure comes only from the Markdown, never from the user's characters.
 */
final class WikiMarkdown {

    private WikiMarkdown() {
    }

    static String blocks(String markdown) {
        Writer w = new Writer();
        MarkdownParsers.blocks(markdown).accept(w);
        return w.out.toString().strip();
    }

    /** A table cell or list item: one line of inline markup, whatever block Markdown the text resembles. */
    static String inline(String markdown) {
        Writer w = new Writer();
        w.inlineOnly = true;
        for (Paragraph p : MarkdownParsers.inline(markdown)) {
            if (!w.out.isEmpty()) w.out.append(' ');
            w.children(p);
        }
        return w.out.toString().strip().replaceAll("\\s*\\n+\\s*", " ");
    }

    /** Wiki-safe link target: characters that end a link or start markup are percent-encoded. */
    static String url(String safeUrl) {
        return safeUrl.replace("|", "%7C").replace("]", "%5D").replace("[", "%5B").replace("{", "%7B").replace("}", "%7D")
                .replace("!", "%21");
    }

    private static final class Writer extends AbstractVisitor {
        final StringBuilder out = new StringBuilder();
        boolean inlineOnly;
        private String listPrefix = "";

        void children(Node parent) {
            visitChildren(parent);
        }

        private void blockEnd() {
            out.append(inlineOnly ? " " : "\n\n");
        }

        @Override
        public void visit(Paragraph p) {
            visitChildren(p);
            if (p.getParent() instanceof ListItem && !inlineOnly) out.append('\n');
            else blockEnd();
        }

        @Override
        public void visit(Heading h) {
            if (inlineOnly) {
                out.append('*');
                visitChildren(h);
                out.append('*');
            } else {
                out.append("h").append(Math.min(6, h.getLevel() + 1)).append(". ");
                visitChildren(h);
            }
            blockEnd();
        }

        @Override
        public void visit(BulletList l) {
            list(l, "*");
        }

        @Override
        public void visit(OrderedList l) {
            list(l, "#");
        }

        private void list(Node l, String marker) {
            String outer = listPrefix;
            listPrefix = outer + marker;
            visitChildren(l);
            listPrefix = outer;
            if (outer.isEmpty()) out.append('\n');
        }

        @Override
        public void visit(ListItem item) {
            out.append(inlineOnly ? "• " : listPrefix + " ");
            visitChildren(item);
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
        }

        @Override
        public void visit(BlockQuote q) {
            if (!inlineOnly) out.append("{quote}\n");
            visitChildren(q);
            if (!inlineOnly) out.append("{quote}");
            blockEnd();
        }

        @Override
        public void visit(FencedCodeBlock c) {
            code(c.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock c) {
            code(c.getLiteral());
        }

        private void code(String literal) {
            if (inlineOnly) out.append("{{").append(WikiText.escape(literal.strip())).append("}}");
            else out.append("{noformat}\n").append(WikiText.noformatBody(literal.stripTrailing())).append("\n{noformat}");
            blockEnd();
        }

        @Override
        public void visit(ThematicBreak t) {
            out.append(inlineOnly ? "—" : "----");
            blockEnd();
        }

        @Override
        public void visit(HtmlBlock h) {
            out.append(WikiText.escape(h.getLiteral()));
            blockEnd();
        }

        @Override
        public void visit(Text t) {
            out.append(WikiText.escape(t.getLiteral()));
        }

        @Override
        public void visit(Code c) {
            out.append("{{").append(WikiText.escape(c.getLiteral())).append("}}");
        }

        @Override
        public void visit(Emphasis e) {
            out.append('_');
            visitChildren(e);
            out.append('_');
        }

        @Override
        public void visit(StrongEmphasis s) {
            out.append('*');
            visitChildren(s);
            out.append('*');
        }

        @Override
        public void visit(Link link) {
            Optional<String> url = SafeUrl.http(link.getDestination());
            if (url.isEmpty()) {
                visitChildren(link);
                return;
            }
            if (link.getFirstChild() instanceof Text t && t.getNext() == null && t.getLiteral().equals(link.getDestination())) {
                // a bare URL: Jira shows [url] as the URL itself, never escaped
                out.append('[').append(url(url.get())).append(']');
                return;
            }
            out.append('[');
            visitChildren(link);
            out.append('|').append(url(url.get())).append(']');
        }

        @Override
        public void visit(Image image) {
            // never an embedded image from user text: the alt text, linked when the URL is safe
            Optional<String> url = SafeUrl.http(image.getDestination());
            if (url.isPresent()) out.append('[');
            visitChildren(image);
            if (url.isPresent()) out.append('|').append(url(url.get())).append(']');
        }

        @Override
        public void visit(HtmlInline h) {
            out.append(WikiText.escape(h.getLiteral()));
        }

        @Override
        public void visit(SoftLineBreak b) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak b) {
            out.append('\n');
        }
    }
}
