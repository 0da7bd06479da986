package io.hindsight.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.ContributingFactor;
import io.hindsight.core.model.FactorCategory;
import io.hindsight.core.model.IncidentTimes;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;
import io.hindsight.core.model.State;
import io.hindsight.core.model.TimelineEntry;
import io.hindsight.core.model.TimelineKind;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * No text an author writes may become markup, a macro, a script or a query. Each payload of the
 * adversarial corpus is put into every user-text field of a post-mortem and rendered in every format;
 * each output is then read back the way its consumer would read it.
 */
public class AdversarialRenderingTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final PostMortemRenderer RENDERER = PostMortemRenderer.withBuiltInTemplates();
    private static List<String> payloads;

    @BeforeClass
    public static void loadCorpus() throws IOException {
        payloads = new ArrayList<>();
        try (InputStream in = AdversarialRenderingTest.class.getResourceAsStream("/render/adversarial.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isEmpty()) continue;
                payloads.add(unescape(line));
            }
        }
    }

    /** Decodes the corpus file's \n, \r, \t, \\ and \\uXXXX escapes, so control characters can be written down. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                switch (n) {
                    case 'n' -> { out.append('\n'); i++; continue; }
                    case 'r' -> { out.append('\r'); i++; continue; }
                    case 't' -> { out.append('\t'); i++; continue; }
                    case '\\' -> { out.append('\\'); i++; continue; }
                    case 'u' -> {
                        if (i + 5 < s.length() + 0 && s.substring(i + 2, Math.min(s.length(), i + 6)).matches("[0-9A-Fa-f]{4}")) {
                            out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                            i += 5;
                            continue;
                        }
                    }
                    default -> { }
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A post-mortem with the payload in every place user text can go. */
    static PostMortem withPayload(String p) {
        ZonedDateTime start = ZonedDateTime.of(2026, 11, 2, 14, 0, 0, 0, ZoneOffset.UTC);
        return new PostMortem("PM-12", p, Severity.SEV2, State.IN_REVIEW,
                new IncidentTimes(start, start.plusMinutes(9), start.plusMinutes(41), start.plusMinutes(90)), null,
                List.of(p), List.of(p), List.of(p), null,
                List.of(Section.of(SectionKind.SUMMARY, p), new Section(SectionKind.CUSTOM, p, p),
                        Section.of(SectionKind.FIVE_WHYS, ""), Section.of(SectionKind.CONTRIBUTING_FACTORS, ""),
                        Section.of(SectionKind.TIMELINE, ""), Section.of(SectionKind.ACTION_ITEMS, "")),
                List.of(p), List.of(new ContributingFactor(FactorCategory.PROCESS, p)),
                List.of(new TimelineEntry("2026-11-02 14:05 UTC", start.plusMinutes(5), TimelineKind.DETECTION, p)),
                List.of(new ActionItem("a1", "priority", p, p, LocalDate.of(2026, 12, 1), "OPS", List.of(), false, "OPS-7")),
                Map.of());
    }

    private static RenderContext context(String linkDescription) {
        return new RenderContext("https://jira.example.com", "Jira", "1234-abcd", linkDescription, TODAY, Map.of());
    }

    private static String render(PostMortemRenderer.Format f, String payload) {
        return RENDERER.render(f, withPayload(payload), null, context(payload));
    }

    @Test
    public void theCorpusIsLargeEnough() {
        assertTrue("at least 100 payloads, got " + payloads.size(), payloads.size() >= 100);
    }

    // ---- Confluence storage format -------------------------------------------------------------

    private static final Set<String> STORAGE_ELEMENTS = Set.of("root", "p", "table", "tbody", "tr", "th", "td", "h2", "h3", "h4",
            "h5", "h6", "h1", "ol", "ul", "li", "em", "strong", "a", "code", "pre", "br", "hr", "blockquote",
            "ac:structured-macro", "ac:parameter", "ac:rich-text-body", "ac:plain-text-body", "ac:image", "ri:url");
    private static final Set<String> MACROS = Set.of("status", "jira", "info", "code", "details");
    private static final Set<String> PARAMETERS = Set.of("colour", "title", "server", "serverId", "jqlQuery", "columns", "maximumIssues", "language");

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new InputSource(new StringReader(xml)));
    }

    static Document parseStorage(String storage) throws Exception {
        return parseXml("<root xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">"
                + storage + "</root>");
    }

    private static List<Element> elements(Document d) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    private static long macros(Document d, String name) {
        return elements(d).stream().filter(e -> e.getTagName().equals("ac:structured-macro") && name.equals(e.getAttribute("ac:name"))).count();
    }

    @Test
    public void storageFormatParsesBackWithOnlyTheRenderersElementsAndMacros() throws Exception {
        Document baseline = parseStorage(render(PostMortemRenderer.Format.CONFLUENCE, "plain words"));
        for (String p : payloads) {
            String out = render(PostMortemRenderer.Format.CONFLUENCE, p);
            Document d;
            try {
                d = parseStorage(out);
            } catch (Exception e) {
                fail("storage output for payload " + show(p) + " is not well-formed XML: " + e.getMessage() + "\n" + out);
                return;
            }
            for (Element e : elements(d)) {
                assertTrue("element <" + e.getTagName() + "> from payload " + show(p), STORAGE_ELEMENTS.contains(e.getTagName()));
                NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    String name = attrs.item(i).getNodeName();
                    String value = attrs.item(i).getNodeValue();
                    String where = "attribute " + name + "=\"" + value + "\" on <" + e.getTagName() + "> from payload " + show(p);
                    switch (name) {
                        case "href" -> assertTrue(where, value.startsWith("https://") || value.startsWith("http://"));
                        case "ac:name" -> assertTrue(where, e.getTagName().equals("ac:structured-macro") ? MACROS.contains(value) : PARAMETERS.contains(value));
                        case "ac:schema-version" -> assertEquals(where, "1", value);
                        case "ri:value" -> assertTrue(where, value.startsWith("https://") || value.startsWith("http://"));
                        case "ac:alt", "xmlns:ac", "xmlns:ri" -> { }
                        default -> fail(where);
                    }
                }
            }
            for (String macro : List.of("status", "jira", "info", "details")) {
                assertEquals(macro + " macros for payload " + show(p), macros(baseline, macro), macros(d, macro));
            }
            // the action's summary cell shows exactly what the author wrote
            Element summaryCell = actionSummaryCell(d);
            assertEquals("summary cell for payload " + show(p), xmlShown(p.strip()), summaryCell.getTextContent());
            assertJqlHoldsTheValue(d, p);
        }
    }

    /** What an XML reader sees of a value: XML normalises CR and CRLF to LF. */
    static String xmlShown(String value) {
        return Xml.clean(value).replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Element actionSummaryCell(Document d) {
        for (Element tr : elements(d)) {
            if (!tr.getTagName().equals("tr")) continue;
            Node first = tr.getFirstChild();
            if (first instanceof Element th && th.getTagName().equals("th") && th.getTextContent().equals("Action")) {
                Node next = tr.getNextSibling();
                while (!(next instanceof Element)) next = next.getNextSibling();
                return (Element) ((Element) next).getElementsByTagName("td").item(0);
            }
        }
        throw new AssertionError("no action table");
    }

    /** The jqlQuery parameter reads back as linkedIssues("PM-12", <the payload as one string literal>). */
    private static void assertJqlHoldsTheValue(Document d, String p) {
        String jql = null;
        for (Element e : elements(d)) {
            if (e.getTagName().equals("ac:parameter") && e.getAttribute("ac:name").equals("jqlQuery")) jql = e.getTextContent();
        }
        String prefix = "issue in linkedIssues(\"PM-12\", ";
        assertTrue(jql, jql.startsWith(prefix) && jql.endsWith(")"));
        String literal = jql.substring(prefix.length(), jql.length() - 1);
        assertEquals("JQL literal for payload " + show(p), Xml.clean(p).replace("\r\n", "\n"), readJqlString(literal).replace("\r\n", "\n"));
    }

    /** Reads one JQL double-quoted string literal that must span the whole input. */
    static String readJqlString(String s) {
        assertTrue(s, s.length() >= 2 && s.charAt(0) == '"');
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else if (c == '"') {
                assertEquals("the literal ends only at the end: " + s, s.length() - 1, i);
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw new AssertionError("unterminated JQL string: " + s);
    }

    // ---- HTML preview --------------------------------------------------------------------------

    private static final Set<String> HTML_FORBIDDEN = Set.of("script", "iframe", "object", "embed", "form", "input", "base",
            "link", "frame", "frameset", "svg", "math", "button", "textarea", "select", "applet", "audio", "video", "source");

    @Test
    public void htmlPreviewHasNoScriptOrHandlerFromUserText() throws Exception {
        for (String p : payloads) {
            String out = render(PostMortemRenderer.Format.HTML, p);
            Document d;
            try {
                d = parseXml(out.replaceFirst("<!DOCTYPE html>", ""));
            } catch (Exception e) {
                fail("HTML for payload " + show(p) + " is not well-formed: " + e.getMessage());
                return;
            }
            int styles = 0;
            int metas = 0;
            for (Element e : elements(d)) {
                String tag = e.getTagName().toLowerCase();
                assertFalse("<" + tag + "> from payload " + show(p), HTML_FORBIDDEN.contains(tag));
                if (tag.equals("style")) styles++;
                if (tag.equals("meta")) metas++;
                NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    String name = attrs.item(i).getNodeName().toLowerCase();
                    String value = attrs.item(i).getNodeValue();
                    assertFalse("event handler " + name + " from payload " + show(p), name.startsWith("on"));
                    assertFalse("style attribute from payload " + show(p), name.equals("style"));
                    if (name.equals("href") || name.equals("src")) {
                        assertTrue(name + "=" + value + " from payload " + show(p), value.startsWith("https://") || value.startsWith("http://"));
                    }
                }
            }
            assertEquals("only the page's own style sheet", 1, styles);
            assertEquals("only the page's own meta tags", 3, metas);
            assertTrue(out.contains("Content-Security-Policy"));
            assertEquals("title element for payload " + show(p), xmlShown(p.strip()), d.getElementsByTagName("title").item(0).getTextContent());
        }
    }

    // ---- ADF -----------------------------------------------------------------------------------

    @Test
    public void adfValidatesAgainstAtlassiansSchemaAndKeepsTheText() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String p : payloads) {
            String out = render(PostMortemRenderer.Format.ADF, p);
            Set<ValidationMessage> errors = AdfSchema.validate(out);
            assertTrue("ADF for payload " + show(p) + " violates the schema: " + errors, errors.isEmpty());
            JsonNode doc = json.readTree(out);
            for (JsonNode link : doc.findValues("href")) {
                assertTrue("link " + link + " from payload " + show(p), link.asText().startsWith("https://") || link.asText().startsWith("http://"));
            }
            List<String> texts = doc.findValues("text").stream().map(JsonNode::asText).toList();
            if (!Xml.clean(p.strip()).isEmpty()) assertTrue("summary text for payload " + show(p), texts.contains(Xml.clean(p.strip())));
            assertEquals("no node types beyond the renderer's", Set.of(), unexpectedTypes(doc));
        }
        for (String p : payloads) {
            Set<ValidationMessage> errors = AdfSchema.validate(PostMortemRenderer.fieldText(PostMortemRenderer.Format.ADF, p));
            assertTrue("field ADF for payload " + show(p) + ": " + errors, errors.isEmpty());
        }
    }

    private static final Set<String> ADF_TYPES = Set.of("doc", "paragraph", "text", "heading", "table", "tableRow", "tableHeader",
            "tableCell", "status", "bulletList", "orderedList", "listItem", "codeBlock", "blockquote", "rule", "hardBreak", "panel",
            "strong", "em", "code", "link");

    private static Set<String> unexpectedTypes(JsonNode doc) {
        Set<String> out = new java.util.TreeSet<>();
        for (JsonNode t : doc.findValues("type")) if (!ADF_TYPES.contains(t.asText())) out.add(t.asText());
        return out;
    }

    // ---- Jira wiki markup ----------------------------------------------------------------------

    private static final String WIKI_ESCAPABLE = "-#*_+?^~|%{}[]()!@";

    /**
     * Reads an escaped run as Jira would: every markup character must be escaped, a backslash must be
     * neutralised by a zero-width space; returns the text Jira would show.
     */
    static String readEscapedWiki(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                assertTrue("dangling backslash in " + s, i + 1 < s.length());
                char n = s.charAt(++i);
                if (n == '\u200B') out.append('\\');
                else if (WIKI_ESCAPABLE.indexOf(n) >= 0) out.append(n);
                else fail("backslash before '" + n + "' in " + s);
            } else {
                assertTrue("unescaped markup character '" + c + "' in " + s, WIKI_ESCAPABLE.indexOf(c) < 0);
                assertTrue("line break in a single-line value: " + s, c != '\n' && c != '\r');
                if (c != '\u200B') out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    public void wikiMarkupEscapesEveryMarkupCharacterOfUserText() {
        String baseline = render(PostMortemRenderer.Format.WIKI, "plain words");
        for (String p : payloads) {
            String out = render(PostMortemRenderer.Format.WIKI, p);
            String expected = wikiShown(p.strip());
            List<String> lines = out.lines().toList();
            String row = lines.get(lines.indexOf("||Action||Class||Owner||Due||Status||Ticket||") + 1);
            String[] cells = row.substring(1).split("(?<!\\\\)\\|");
            assertEquals("action summary for payload " + show(p), expected.isEmpty() ? " " : expected, readEscapedWiki(cells[0]).isEmpty() ? " " : readEscapedWiki(cells[0]));
            String owner = wikiShown(p);
            assertEquals("owner for payload " + show(p), owner.isEmpty() ? " " : owner, readEscapedWiki(cells[2]).isEmpty() ? " " : readEscapedWiki(cells[2]));
            // a code block or quote in the two prose sections is the renderer's own structure: two tokens each
            int codeBlocks = p.startsWith("```") ? 2 : 0;
            int quotes = p.startsWith(">") ? 2 : 0;
            assertEquals("{panel} for payload " + show(p), count(baseline, "{panel}"), count(out, "{panel}"));
            assertEquals("{color: for payload " + show(p), count(baseline, "{color:"), count(out, "{color:"));
            assertEquals("{noformat} for payload " + show(p), count(baseline, "{noformat}") + 2 * codeBlocks, count(out, "{noformat}"));
            assertEquals("{quote} for payload " + show(p), count(baseline, "{quote}") + 2 * quotes, count(out, "{quote}"));
            assertTrue(out.contains("{{issue in linkedIssues\\(\"PM\\-12\", "));
        }
    }

    /** What Jira shows for a value: line breaks as spaces, the zero-width spaces the escaping adds not counted. */
    private static String wikiShown(String value) {
        return Xml.clean(value).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace("\u200B", "");
    }

    /** Occurrences of a markup token that Jira would act on: not preceded by an escaping backslash. */
    private static int count(String s, String token) {
        int n = 0;
        for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + 1)) if (i == 0 || s.charAt(i - 1) != '\\') n++;
        return n;
    }

    // ---- Markdown ------------------------------------------------------------------------------

    @Test
    public void markdownReadsBackToTheSamePostMortemWhateverTheSectionTextHolds() {
        var reader = new io.hindsight.core.markdown.MarkdownReader(Set.of("priority", "improvement"));
        var writer = new io.hindsight.core.markdown.MarkdownWriter();
        for (String p : payloads) {
            String doc = "---\ntitle: Payload\n---\n## Summary\n" + p + "\n\n## Action items\n- [ ] Add a canary @ana\n";
            PostMortem once = reader.read(doc, "p.md").postMortem();
            PostMortem twice = reader.read(writer.write(once), "p.md").postMortem();
            assertEquals("payload " + show(p), once, twice);
        }
    }

    static String show(String p) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : p.toCharArray()) sb.append(c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c >= 0xFFFE ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return sb.append("'").toString();
    }
}
