package io.hindsight.core.render;

/** What the storage and HTML {@code $fmt} helpers share: XHTML from Markdown, and safe links. */
abstract class XhtmlFormat implements PageFormat {
    private final XhtmlMarkdown markdown;

    XhtmlFormat(XhtmlMarkdown markdown) {
        this.markdown = markdown;
    }

    @Override
    public Trusted markdown(String text) {
        return new Trusted(markdown.blocks(text));
    }

    @Override
    public Trusted inline(String text) {
        return new Trusted(markdown.inline(text));
    }

    @Override
    public Trusted link(String url, String text) {
        return SafeUrl.http(url).map(u -> new Trusted("<a href=\"" + Xml.escape(u) + "\">" + Xml.escape(text) + "</a>"))
                .orElseGet(() -> new Trusted(Xml.escape(text)));
    }
}
