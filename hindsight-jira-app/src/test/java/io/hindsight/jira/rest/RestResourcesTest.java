package io.hindsight.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.core.report.ReportData;
import io.hindsight.jira.check.CheckService;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.port.ReportSource;
import io.hindsight.jira.queue.QueuePolicy;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.FakeAccess;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.Fixtures;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.FakeSite;
import io.hindsight.jira.testing.MutableClock;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.inmemory.InMemoryTestContainerFactory;
import org.glassfish.jersey.test.spi.TestContainerFactory;
import org.junit.After;
import org.junit.Test;

import javax.ws.rs.client.Entity;
import javax.ws.rs.core.Application;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The REST resources served by Jersey 2.41 in memory, on the real queue (AO + HSQLDB) and the real checker. */
public class RestResourcesTest extends JerseyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // JerseyTest calls configure() from its constructor, before this class's field initialisers run:
    // everything the resources need is made there, and the fields have no initialisers.
    private AoDatabase db;
    private FakeAccess access;
    private FakeSite postMortems;
    private SyncQueue queue;
    private ReportSource reports;

    @Override
    protected TestContainerFactory getTestContainerFactory() {
        return new InMemoryTestContainerFactory();
    }

    @Override
    protected Application configure() {
        db = new AoDatabase().start();
        access = new FakeAccess().browsing("PM-1", "PM-2");
        postMortems = new FakeSite().put("PM-1", Fixtures.BLAMING).put("PM-2", Fixtures.CLEAN);
        reports = () -> { throw new IllegalStateException("Jira did not answer"); };
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        queue = new SyncQueue(db.activeObjects(), new LocalClusterLocks(), clock, QueuePolicy.DEFAULT);
        CheckService checks = new CheckService(new AdminSettings(db.activeObjects(), clock), postMortems, clock);
        return new ResourceConfig()
                .register(JacksonFeature.class)
                .registerInstances(new LintResource(checks, access, new I18n()), new SyncResource(queue, access, new I18n()),
                        new ReportResource(() -> reports.report(), access, new I18n()));
    }

    @After
    public void stopDatabase() {
        db.stop();
    }

    private SyncQueue queue() {
        return queue;
    }

    @Test
    public void lintsMarkdownAndNamesTheRuleTheSentenceAndTheRewrite() throws Exception {
        Response r = post("lint", Map.of("markdown", Fixtures.BLAMING));
        assertEquals(200, r.getStatus());
        JsonNode body = JSON.readTree(r.readEntity(String.class));
        assertTrue(body.get("errors").asInt() > 0);
        JsonNode blame = find(body.get("findings"), "blameless.");
        assertTrue(blame.get("excerpt").asText().contains("Bob"));
        assertFalse(blame.get("suggestion").asText().isEmpty());
        assertEquals("Root cause", blame.get("section").asText());
        assertTrue(find(body.get("findings"), "actionability.vague").get("line").asInt() > 0);
        assertTrue(body.get("completeness").get("percentFilled").asInt() < 100);
    }

    /** js/checker-panel.js redraws the panel from this answer: every property it reads is one the resource writes. */
    @Test
    public void theLintAnswerCarriesEveryFieldThePanelScriptReads() throws Exception {
        String script = new String(getClass().getResourceAsStream("/js/checker-panel.js").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode body = JSON.readTree(post("lint", Map.of("issueKey", "PM-1")).readEntity(String.class));
        JsonNode finding = body.get("findings").get(0);
        java.util.regex.Matcher reads = java.util.regex.Pattern.compile("\\b(result\\.completeness|result|f)\\.([a-zA-Z]+)").matcher(script);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        while (reads.find()) {
            JsonNode from = switch (reads.group(1)) {
                case "result" -> body;
                case "f" -> finding;
                default -> body.get("completeness");
            };
            seen.add(reads.group(1) + "." + reads.group(2));
            assertTrue(reads.group(0) + " is in the lint answer " + from, from.has(reads.group(2)));
        }
        assertTrue(seen.toString(), seen.containsAll(java.util.List.of("f.rule", "f.excerpt", "f.suggestion", "result.findings", "result.errors",
                "result.completeness.percentFilled", "result.completeness.missingRequired")));
    }

    @Test
    public void lintsAPostMortemIssueTheUserMayBrowse() throws Exception {
        Response r = post("lint", Map.of("issueKey", "pm-2"));
        assertEquals(200, r.getStatus());
        assertEquals(0, JSON.readTree(r.readEntity(String.class)).get("errors").asInt());
    }

    @Test
    public void anIssueTheUserMayNotBrowseAnswersAsIfItDidNotExist() throws Exception {
        postMortems.put("DB-1", Fixtures.BLAMING);
        Response r = post("lint", Map.of("issueKey", "DB-1"));
        assertEquals(404, r.getStatus());
        assertEquals("no issue DB-1", JSON.readTree(r.readEntity(String.class)).get("error").asText());
    }

    @Test
    public void errorBodiesComeFromTheI18nFileSoATranslatedSiteShowsThemTranslated() {
        SyncResource translated = new SyncResource(queue, access, new I18n().with("hindsight.rest.error.no-issue", "kein Vorgang {0}"));
        Response r = translated.state("sec-9");
        assertEquals(404, r.getStatus());
        assertEquals("kein Vorgang SEC-9", ((Json.Error) r.getEntity()).error());
        assertEquals("''x'' read as one quote each side", "'x y' is not an issue key such as PM-12",
                ((Json.Error) translated.state("x y").getEntity()).error());
    }

    @Test
    public void saysWhatToSendWhenTheBodyIsWrong() throws Exception {
        Response both = post("lint", Map.of("markdown", "# x", "issueKey", "PM-1"));
        assertEquals(400, both.getStatus());
        assertTrue(JSON.readTree(both.readEntity(String.class)).get("error").asText().contains("either 'markdown'"));
        assertEquals(400, post("lint", Map.of("issueKey", "not a key")).getStatus());
    }

    @Test
    public void mutatingCallsAcceptJsonOnlySoNoCrossSiteFormOrPlainTextPostGetsThrough() {
        assertEquals(415, target("lint").request().post(Entity.entity("markdown=x", MediaType.APPLICATION_FORM_URLENCODED)).getStatus());
        assertEquals(415, target("lint").request().post(Entity.entity("# x", MediaType.TEXT_PLAIN)).getStatus());
        assertEquals(415, target("sync/PM-1").request().post(Entity.entity("", MediaType.TEXT_PLAIN)).getStatus());
        assertEquals("nothing was queued", Optional.empty(), queue().latest("PM-1"));
    }

    @Test
    public void queuesASyncAndLaterRequestsJoinIt() throws Exception {
        Response first = target("sync/PM-1").request().post(Entity.json("{}"));
        assertEquals(202, first.getStatus());
        JsonNode a = JSON.readTree(first.readEntity(String.class));
        assertFalse(a.get("joined").asBoolean());
        assertEquals("queued", a.get("status").asText());

        JsonNode b = JSON.readTree(target("sync/PM-1").request().post(Entity.json("{}")).readEntity(String.class));
        assertTrue(b.get("joined").asBoolean());
        assertEquals(a.get("job").asInt(), b.get("job").asInt());

        JsonNode state = JSON.readTree(target("sync/PM-1").request().get(String.class));
        assertEquals("queued", state.get("status").asText());
        assertEquals(2, state.get("events").asInt());
    }

    @Test
    public void syncOfAnIssueTheUserMayNotBrowseIsRefusedAndQueuesNothing() {
        assertEquals(404, target("sync/SEC-9").request().post(Entity.json("{}")).getStatus());
        assertEquals(404, target("sync/PM-2").request().get().getStatus());
        assertEquals(400, target("sync/DROP%20TABLE").request().post(Entity.json("{}")).getStatus());
    }

    @Test
    public void reportLeavesOutWhatTheUserMayNotSeeAndSaysWhenItCannotBeBuilt() throws Exception {
        assertEquals(503, target("report").request().get().getStatus());

        reports = () -> new ReportData(LocalDate.of(2026, 12, 1), List.of(),
                List.of(new ReportData.PostMortemLine("PM-1", "Seen", "SEV2", Optional.empty(), Optional.empty(), 1, 0, 0),
                        new ReportData.PostMortemLine("SEC-1", "Hidden", "SEV1", Optional.empty(), Optional.empty(), 1, 0, 0)),
                List.of(new ReportData.Recurring("monitoring-gap", List.of("PM-1", "PM-2", "SEC-1")),
                        new ReportData.Recurring("change", List.of("PM-1", "SEC-1"))), List.of());
        JsonNode body = JSON.readTree(target("report").request().get(String.class));
        assertEquals(1, body.get("postMortems").size());
        assertEquals("PM-1", body.get("postMortems").get(0).get("key").asText());
        assertEquals(1, body.get("causes").size());
        assertEquals(2, body.get("causes").get(0).get("postMortems").size());
    }

    private Response post(String path, Map<String, String> body) throws Exception {
        return target(path).request().post(Entity.entity(JSON.writeValueAsString(body), MediaType.APPLICATION_JSON));
    }

    private static JsonNode find(JsonNode findings, String rulePrefix) {
        for (JsonNode f : findings) if (f.get("rule").asText().startsWith(rulePrefix)) return f;
        throw new AssertionError("no finding " + rulePrefix + "* in " + findings);
    }
}
