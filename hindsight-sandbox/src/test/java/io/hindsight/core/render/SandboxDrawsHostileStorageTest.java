package io.hindsight.core.render;

import io.hindsight.core.model.PostMortem;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.site.Flavor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The adversarial corpus core's renderers pass, drawn by the sandbox: every payload is put into every
 * user-text field of a post-mortem, rendered to Confluence storage and to Jira wiki markup by core, stored
 * in the sandbox, and its page and issue views are read back as a browser would. No script, no frame, no
 * event handler, no inline style, no link that is not http(s), mailto or the sandbox's own, and the text the
 * author wrote shows as that text.
 * <p>
 * It lives in core's render package, in the sandbox's tests, to use core's corpus and hostile post-mortem
 * as they are (core's test-jar).
 */
public class SandboxDrawsHostileStorageTest {
    private static final PostMortemRenderer RENDERER = PostMortemRenderer.withBuiltInTemplates();
    private static final Set<String> FORBIDDEN = Set.of("script", "iframe", "object", "embed", "form", "input", "base", "frame", "frameset",
            "svg", "math", "button", "textarea", "select", "applet", "audio", "video", "source", "style", "img", "template");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Sandbox sandbox;
    private static List<String> payloads;

    @BeforeClass
    public static void start() throws Exception {
        sandbox = Sandbox.start(Flavor.DATA_CENTER, 0);
        payloads = new ArrayList<>();
        try (InputStream in = AdversarialRenderingTest.class.getResourceAsStream("/render/adversarial.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isEmpty()) payloads.add(AdversarialRenderingTest.unescape(line));
            }
        }
        assertTrue("the corpus is there: " + payloads.size(), payloads.size() >= 100);
    }

    @AfterClass
    public static void stop() {
        sandbox.close();
    }

    private static Document get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(path + ": " + r.body(), 200, r.statusCode());
        assertTrue("CSP on " + path, r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        return Jsoup.parse(r.body());
    }

    /** What a browser would run or load from the page: nothing but the sandbox's style sheet and icon. */
    private static void assertInert(Document d, String payload) {
        for (Element e : d.getAllElements()) {
            String where = "<" + e.tagName() + "> for payload " + AdversarialRenderingTest.show(payload);
            assertFalse(where, FORBIDDEN.contains(e.tagName()));
            if (e.tagName().equals("link")) assertTrue(where, e.attr("href").startsWith("/sandbox/static/"));
            if (e.tagName().equals("meta")) assertTrue(where, e.hasAttr("charset") || e.attr("name").equals("viewport"));
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase();
                assertFalse("handler " + name + " on " + where, name.startsWith("on"));
                assertFalse("style attribute on " + where, name.equals("style"));
                if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")) {
                    String v = a.getValue();
                    assertTrue(name + "=" + v + " on " + where, (v.startsWith("/") && !v.startsWith("//")) || v.startsWith("https://") || v.startsWith("http://")
                            || v.startsWith("mailto:"));
                }
            }
        }
    }

    private static String shown(String s) {
        return Xml.clean(s).replace("\r\n", "\n").replace('\r', '\n').replaceAll("\\s+", " ").strip();
    }

    @Test
    public void theConfluencePageOfAHostilePostMortemIsInertAndShowsTheAuthorsText() throws Exception {
        for (String p : payloads) {
            PostMortem pm = AdversarialRenderingTest.withPayload(p);
            String storage = RENDERER.render(PostMortemRenderer.Format.CONFLUENCE, pm, null,
                    new RenderContext("https://jira.example.com", "Jira", "1234-abcd", p, LocalDate.of(2026, 11, 26), Map.of()));
            String id;
            synchronized (sandbox.confluence()) {
                id = sandbox.confluence().addPage("OPS", null, "PM-12: " + Xml.clean(p), storage, "hindsight", Instant.now(), null).id;
            }
            Document d = get("/sandbox/pages/" + id);
            assertInert(d, p);
            Element cell = actionSummaryCell(d);
            assertEquals("summary cell for payload " + AdversarialRenderingTest.show(p), shown(p), shown(cell.wholeText()));
        }
    }

    @Test
    public void theIssueOfAHostilePostMortemIsInertAndShowsTheAuthorsText() throws Exception {
        for (String p : payloads) {
            String key;
            synchronized (sandbox.jira()) {
                var fields = io.hindsight.sandbox.site.Exchange.object().put("summary", Xml.clean(p))
                        .put("description", PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI, p));
                fields.putArray("labels").add("postmortem");
                JiraState.Issue i = sandbox.jira().addIssue("PM", "10001", fields, Instant.now());
                i.comments.add(new JiraState.Comment("1", io.hindsight.sandbox.site.Exchange.JSON.getNodeFactory().textNode(
                        PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI, p)), "hindsight", Instant.now()));
                key = i.key;
            }
            Document d = get("/sandbox/issues/" + key);
            assertInert(d, p);
            assertEquals("summary for payload " + AdversarialRenderingTest.show(p), shown(p), shown(d.selectFirst("h1.summary").wholeText()));
        }
    }

    private static Element actionSummaryCell(Document d) {
        for (Element th : d.select(".wiki-content th")) {
            if (th.text().equals("Action")) {
                Element row = th.parent().nextElementSibling();
                return row.selectFirst("td");
            }
        }
        throw new AssertionError("no action table");
    }
}
