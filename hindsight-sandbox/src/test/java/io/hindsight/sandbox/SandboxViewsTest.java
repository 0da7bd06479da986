package io.hindsight.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/** The sandbox's HTML views, read as a person would read them: what each macro and field looks like. */
public class SandboxViewsTest {
    private static Document get(Sandbox s, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        return Jsoup.parse(r.body());
    }

    private static String page(Sandbox s, String storage, List<String> labels) {
        synchronized (s.confluence()) {
            var p = s.confluence().addPage("OPS", null, "A page", storage, "hindsight", Instant.now(), null);
            p.labels.addAll(labels);
            return p.id;
        }
    }

    @Test
    public void macrosAreDrawnNotLeakedAndUnknownOnesAreLabelled() throws Exception {
        try (Sandbox s = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            String id = page(s, "<p><ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">Red</ac:parameter><ac:parameter ac:name=\"title\">SEV1</ac:parameter></ac:structured-macro></p>"
                    + "<ac:structured-macro ac:name=\"warning\"><ac:parameter ac:name=\"title\">Careful</ac:parameter><ac:rich-text-body><p>Replica&nbsp;lag</p></ac:rich-text-body></ac:structured-macro>"
                    + "<ac:structured-macro ac:name=\"expand\"><ac:parameter ac:name=\"title\">Raw logs</ac:parameter><ac:rich-text-body><p>hidden until opened</p></ac:rich-text-body></ac:structured-macro>"
                    + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">sql</ac:parameter><ac:plain-text-body><![CDATA[SELECT 1 WHERE a < b; <script>x</script>]]></ac:plain-text-body></ac:structured-macro>"
                    + "<ac:structured-macro ac:name=\"gallery\"><ac:parameter ac:name=\"columns\">3</ac:parameter></ac:structured-macro>"
                    + "<ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"jqlQuery\">project = OPS ORDER BY nonsense(</ac:parameter></ac:structured-macro>", List.of());
            Document d = get(s, "/sandbox/pages/" + id);
            Element content = d.selectFirst(".wiki-content");
            assertEquals("SEV1", content.selectFirst(".lozenge.lozenge-red").text());
            assertFalse(content.text(), content.text().contains("RedSEV1"));
            assertEquals("Careful", content.selectFirst(".panel-warning .panel-title").text());
            String warning = content.selectFirst(".panel-warning .panel-content").wholeText();
            assertTrue("an HTML entity in storage is its character: " + warning, warning.contains("Replica\u00a0lag"));
            assertEquals("Raw logs", content.selectFirst("details.expand > summary").text());
            assertEquals("SELECT 1 WHERE a < b; <script>x</script>", content.selectFirst(".code-block code").wholeText());
            assertTrue(content.select("script").isEmpty());
            assertEquals("Unknown macro: 'gallery'", content.selectFirst(".unknown-macro-label").text());
            assertTrue(content.selectFirst(".macro-error").text(), content.selectFirst(".macro-error").text().startsWith("Jira Issues: Jira refused the query"));
        }
    }

    @Test
    public void theJiraIssuesMacroIsALiveTableOfTheSandboxsIssues() throws Exception {
        try (Sandbox s = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            synchronized (s.jira()) {
                ObjectNode f = Exchange.object().put("summary", "Alert on replication lag").put("duedate", "2026-12-20");
                f.putObject("assignee").put("name", "maria");
                f.putObject("priority").put("name", "High");
                f.putArray("labels").add("postmortem-action");
                s.jira().addIssue("OPS", "10001", f, Instant.now());
                s.jira().addIssue("DB", "10001", Exchange.object().put("summary", "Not selected"), Instant.now());
            }
            String id = page(s, "<ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"jqlQuery\">labels = postmortem-action</ac:parameter>"
                    + "<ac:parameter ac:name=\"columns\">key,summary,assignee,due,priority,status</ac:parameter></ac:structured-macro>", List.of());
            Element table = get(s, "/sandbox/pages/" + id).selectFirst(".jira-issues table");
            assertEquals(List.of("Key", "Summary", "Assignee", "Due", "P", "Status"), table.select("th").eachText());
            assertEquals(1, table.select("tbody tr").size());
            assertEquals(List.of("OPS-1", "Alert on replication lag", "MGMaria Garcia", "Dec 20, 2026", "↑High", "To Do"),
                    table.select("tbody td").eachText());
            assertEquals("/sandbox/issues/OPS-1", table.selectFirst("td a").attr("href"));
        }
    }

    @Test
    public void dataCenterIssuesShowFieldsByTypeAndWikiMarkupRendered() throws Exception {
        try (Sandbox s = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            String key;
            synchronized (s.jira()) {
                s.jira().fields.put("customfield_20500", new JiraState.Field("customfield_20500", "Incident severity", true, "option",
                        "com.atlassian.jira.plugin.system.customfieldtypes:select"));
                s.jira().fields.put("customfield_20501", new JiraState.Field("customfield_20501", "Incident started", true, "datetime",
                        "com.atlassian.jira.plugin.system.customfieldtypes:datetime"));
                ObjectNode f = Exchange.object().put("summary", "Checkout outage")
                        .put("description", "h2. Impact\n*18%* of checkouts failed \\- see OPS\\-1 and [the runbook|https://wiki.example.com/x]\n{color:#bf2600}*START*{color}");
                f.putObject("customfield_20500").put("value", "SEV2");
                f.put("customfield_20501", "2026-11-02T13:00:00.000+0000");
                f.putArray("labels").add("postmortem");
                f.putObject("priority").put("name", "High");
                JiraState.Issue i = s.jira().addIssue("PM", "10001", f, Instant.now());
                i.comments.add(new JiraState.Comment("1", Exchange.JSON.getNodeFactory().textNode("Hindsight synced this post\\-mortem \\(OPS\\-1\\)."), "hindsight", Instant.now()));
                i.properties.put("hindsight.postmortem", Exchange.object().put("pageHash", "sha256:" + "ab".repeat(32)));
                key = i.key;
            }
            Document d = get(s, "/sandbox/issues/" + key);
            String details = d.selectFirst(".issue-main dl.fields").text();
            assertTrue(details, details.contains("Incident severity: SEV2"));
            assertTrue(details, details.contains("Incident started: 02/Nov/26 1:00 PM UTC"));
            assertFalse(details, details.contains("{\"value\""));
            assertEquals(List.of("postmortem"), d.select(".issue-main dl.fields .label").eachText());
            Element desc = d.select("section.module").stream().filter(m -> m.selectFirst("h2").text().equals("Description")).findFirst().orElseThrow();
            assertEquals("Impact", desc.selectFirst(".rich h2").text());
            assertEquals("18%", desc.selectFirst("strong").text());
            assertTrue(desc.text(), desc.text().contains("failed - see OPS-1 and the runbook"));
            assertEquals("https://wiki.example.com/x", desc.selectFirst("a").attr("href"));
            assertNotNull("{color} as a palette class, not an inline style", desc.selectFirst(".c-red"));
            assertEquals("Hindsight synced this post-mortem (OPS-1).", d.selectFirst(".comment .rich").text());
            Element props = d.selectFirst("details.entity-properties");
            assertFalse("folded", props.hasAttr("open"));
            assertTrue(props.selectFirst("pre").text().contains("\"pageHash\""));
        }
    }

    @Test
    public void cloudIssuesRenderAdf() throws Exception {
        try (Sandbox s = Sandbox.start(Flavor.CLOUD, 0)) {
            String key;
            synchronized (s.jira()) {
                ObjectNode f = Exchange.object().put("summary", "Checkout outage");
                f.set("description", Exchange.JSON.readTree("{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"heading\",\"attrs\":{\"level\":2},\"content\":[{\"type\":\"text\",\"text\":\"Impact\"}]},"
                        + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"status\",\"attrs\":{\"text\":\"SEV2\",\"color\":\"yellow\"}},{\"type\":\"text\",\"text\":\" 18% \",\"marks\":[{\"type\":\"strong\"}]},"
                        + "{\"type\":\"text\",\"text\":\"evil\",\"marks\":[{\"type\":\"link\",\"attrs\":{\"href\":\"javascript:alert(1)\"}}]}]},{\"type\":\"mediaGroup\"}]}"));
                key = s.jira().addIssue("PM", "10001", f, Instant.now()).key;
            }
            Document d = get(s, "/sandbox/issues/" + key);
            Element desc = d.select("section.module").stream().filter(m -> m.selectFirst("h2").text().equals("Description")).findFirst().orElseThrow();
            assertEquals("Impact", desc.selectFirst(".rich h2").text());
            assertEquals("SEV2", desc.selectFirst(".lozenge-yellow").text());
            assertEquals("18%", desc.selectFirst("strong").text());
            assertTrue("a javascript: link is not a link", desc.select("a").isEmpty());
            assertEquals("Unsupported content: mediaGroup", desc.selectFirst(".unknown-macro").text());
        }
    }
}
