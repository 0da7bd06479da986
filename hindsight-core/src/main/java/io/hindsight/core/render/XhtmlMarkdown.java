package io.hindsight.core.render;

import io.hindsight.core.markdown.MarkdownReader;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Section text (Markdown) as XHTML, for the Confluence storage format or the HTML preview. Raw HTML
 * in the Markdown is shown as text; only http(s) links become links; code blocks become Confluence's
 * code macro (storage) or {@code <pre>} (preview). The output is well-formed XML.
 */
final class XhtmlMarkdown {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9+#-]{1,20}");

    private final HtmlRenderer renderer;

    private XhtmlMarkdown(boolean storage) {
        this.renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .softbreak("\n")
                .nodeRendererFactory(ctx -> new SafeNodes(ctx, storage))
                .build();
    }

    static final XhtmlMarkdown STORAGE = new XhtmlMarkdown(true);
    static final XhtmlMarkdown HTML = new XhtmlMarkdown(false);

    /**
     * Block content: paragraphs, lists, code blocks. Cleaned after rendering too: character references
     * such as {@code &#xFFFE;} are decoded by the parser into characters XML cannot hold.
     */
    String blocks(String markdown) {
        return Xml.clean(renderer.render(MarkdownParsers.blocks(markdown))).strip();
    }

    /**
     * Inline content for a table cell or list item, without any block element: what would be a heading,
     * quote, rule or list in section text is text here; paragraphs are joined with a space.
     */
    String inline(String markdown) {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : MarkdownParsers.inline(markdown)) {
            if (!sb.isEmpty()) sb.append(' ');
            for (Node c = p.getFirstChild(); c != null; c = c.getNext()) sb.append(renderer.render(c));
        }
        return Xml.clean(sb.toString()).strip();
    }

    /** Links, images and code blocks the way Hindsight allows them. */
    private static final class SafeNodes implements NodeRenderer {
        private final HtmlNodeRendererContext ctx;
        private final HtmlWriter html;
        private final boolean storage;

        SafeNodes(HtmlNodeRendererContext ctx, boolean storage) {
            this.ctx = ctx;
            this.html = ctx.getWriter();
            this.storage = storage;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class, FencedCodeBlock.class, IndentedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Link link) link(link);
            else if (node instanceof Image image) image(image);
            else if (node instanceof FencedCodeBlock f) code(f.getLiteral(), f.getInfo());
            else if (node instanceof IndentedCodeBlock i) code(i.getLiteral(), null);
        }

        private void link(Link link) {
            Optional<String> url = SafeUrl.http(link.getDestination());
            if (url.isPresent()) html.tag("a", Map.of("href", url.get()));
            children(link);
            if (url.isPresent()) html.tag("/a");
        }

        private void image(Image image) {
            Optional<String> url = SafeUrl.http(image.getDestination());
            String alt = MarkdownReader.plainText(image);
            if (url.isEmpty()) {
                html.text(alt);
            } else if (storage) {
                html.raw("<ac:image ac:alt=\"" + Xml.escape(alt) + "\"><ri:url ri:value=\"" + Xml.escape(url.get()) + "\" /></ac:image>");
            } else {
                html.tag("img", Map.of("src", url.get(), "alt", alt), true);
            }
        }

        private void code(String literal, String info) {
            String language = info == null ? "" : info.strip().split("\\s+")[0];
            html.line();
            if (storage) {
                html.raw("<ac:structured-macro ac:name=\"code\">");
                if (LANGUAGE.matcher(language).matches()) {
                    html.raw("<ac:parameter ac:name=\"language\">" + Xml.escape(language) + "</ac:parameter>");
                }
                html.raw("<ac:plain-text-body>" + Xml.cdata(literal) + "</ac:plain-text-body></ac:structured-macro>");
            } else {
                html.tag("pre");
                html.tag("code");
                html.text(literal);
                html.tag("/code");
                html.tag("/pre");
            }
            html.line();
        }

        private void children(Node parent) {
            for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) ctx.render(c);
        }

    }
}
