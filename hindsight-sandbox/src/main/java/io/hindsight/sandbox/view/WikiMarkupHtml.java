package io.hindsight.sandbox.view;

import org.eclipse.mylyn.wikitext.confluence.ConfluenceLanguage;
import org.eclipse.mylyn.wikitext.parser.MarkupParser;
import org.eclipse.mylyn.wikitext.parser.builder.HtmlDocumentBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.io.StringWriter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira wiki markup (Data Center descriptions, comments and text fields) to HTML, by Mylyn WikiText's
 * Confluence dialect: Jira's renderer and Confluence's old wiki renderer are the same markup family
 * (h2., ||headings||, {panel}, {color}, {noformat}, {quote}, [text|url], * and # lists).
 * <p>
 * Two things Jira does that the dialect does not, done around it: Jira's backslash escapes ({@code \-},
 * {@code \?}, {@code \{} …) are hidden from the parser as private-use characters and put back as the
 * plain character afterwards (measured on Hindsight's own wiki rendering of examples/replication-lag.md:
 * without this, 41 escapes, 33 of them {@code \-}, showed as written); and {@code {color}} becomes a palette class, because the
 * sandbox's pages allow no inline styles. The result goes through jsoup's allow-list cleaner.
 */
final class WikiMarkupHtml {
    /** The characters Jira's BackslashEscapeRendererComponent un-escapes. */
    private static final String ESCAPABLE = "!-[]^~+?%{}()*_|@#";
    private static final char HIDDEN = '\uE000';
    private static final Pattern COLOR = Pattern.compile("color:\\s*([#a-zA-Z0-9]+)");
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addTags("span", "div", "del", "ins", "hr", "s")
            .addAttributes(":all", "class")
            .addProtocols("a", "href", "http", "https", "mailto");

    private WikiMarkupHtml() {
    }

    /** Appends the HTML of {@code markup} to {@code out}. */
    static void append(String markup, Element out) {
        StringWriter w = new StringWriter();
        HtmlDocumentBuilder builder = new HtmlDocumentBuilder(w);
        builder.setEmitAsDocument(false);
        new MarkupParser(new ConfluenceLanguage(), builder).parse(hideEscapes(markup));
        Document raw = Jsoup.parseBodyFragment(w.toString());
        for (Element styled : raw.select("[style]")) {
            Matcher m = COLOR.matcher(styled.attr("style"));
            if (m.find()) {
                String cls = Html.PALETTE.get(m.group(1).toLowerCase(Locale.ROOT));
                if (cls != null) styled.addClass(cls);
            }
            styled.removeAttr("style");
        }
        Document clean = new Cleaner(ALLOWED).clean(raw);
        for (Element e : clean.body().getAllElements()) {
            for (Node n : e.childNodes()) if (n instanceof TextNode t) t.text(showEscapes(t.getWholeText()));
            if (e.hasAttr("href")) e.attr("href", showEscapes(e.attr("href")));
        }
        for (Node n : clean.body().childNodesCopy()) out.appendChild(n);
    }

    static String hideEscapes(String markup) {
        StringBuilder sb = new StringBuilder(markup.length());
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            int k = i + 1 < markup.length() ? ESCAPABLE.indexOf(markup.charAt(i + 1)) : -1;
            if (c == '\\' && k >= 0) {
                sb.append((char) (HIDDEN + k));
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String showEscapes(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int k = c - HIDDEN;
            sb.append(k >= 0 && k < ESCAPABLE.length() ? ESCAPABLE.charAt(k) : c);
        }
        return sb.toString();
    }
}
