package io.hindsight.jira.velocity;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.report.ReportData;
import io.hindsight.core.report.ReportRow;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.jira.check.CheckResult;
import io.hindsight.jira.config.HindsightConfig;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.QueueCounts;
import io.hindsight.jira.queue.SyncJob;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.web.view.AdminPageView;
import io.hindsight.jira.web.view.CheckerPanelView;
import io.hindsight.jira.web.view.JobView;
import io.hindsight.jira.web.view.ReportView;
import io.hindsight.jira.web.view.StartView;
import org.junit.BeforeClass;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The app's templates rendered on Velocity 1.6.4 under Jira 10's allowlist and escaping. */
public class TemplatesTest {
    private static final String BLAMING = """
            ---
            title: Checkout outage <script>alert('x')</script>
            severity: SEV2
            started: 2026-11-02 14:00 UTC
            ---

            ## Summary
            Checkout failed for 40 minutes.

            ## Root cause
            Bob broke prod because he was careless with the <b>migration</b>.

            ## Action items
            - [ ] Improve monitoring
            """;

    @BeforeClass
    public static void onlyOnVelocity164() {
        JiraVelocity.requireVelocity164();
    }

    private final JiraVelocity velocity = JiraVelocity.forDescriptor();
    private final I18n i18n = new I18n();

    @Test
    public void checkerPanelShowsRuleSentenceAndRewriteEscaped() {
        String html = velocity.render("templates/checker-panel.vm", Map.of("panel", CheckerPanelView.of(check(BLAMING)), "i18n", i18n, "issueKey", "PM-7"));

        assertEquals(List.of(), velocity.violations());
        assertTrue(html, html.contains("blameless.person-as-cause") || html.contains("blameless.judgement"));
        assertTrue(html, html.contains("<blockquote>Bob broke"));
        assertTrue("a suggested rewrite", html.contains(i18n.getText("hindsight.panel.suggestion")));
        assertTrue(html.contains("actionability.vague"));
        assertTrue("completeness", html.matches("(?s).*<strong class=\"hindsight-percent\">\\d+%</strong>.*"));
        assertTrue("user text is escaped", html.contains("&lt;b&gt;migration&lt;/b&gt;"));
        assertFalse(html.contains("<b>migration</b>"));
    }

    @Test
    public void checkerPanelOfACleanPostMortemSaysSo() {
        CheckResult clean = new CheckResult(List.of(), "lightweight", "Lightweight", 100, List.of());
        String html = velocity.render("templates/checker-panel.vm", Map.of("panel", CheckerPanelView.of(clean), "i18n", i18n, "issueKey", "PM-7"));
        assertEquals(List.of(), velocity.violations());
        assertTrue(html.contains(i18n.getText("hindsight.panel.clean")));
    }

    @Test
    public void checkerPanelThatCouldNotReadExplainsInTheUsersWords() {
        String html = velocity.render("templates/checker-panel.vm",
                Map.of("panel", CheckerPanelView.unreadable("hindsight.panel.config-broken"), "i18n", i18n));
        assertEquals(List.of(), velocity.violations());
        assertTrue(html.contains("Ask a Jira administrator"));
    }

    @Test
    public void adminPageNeverShowsTheTokenAndEscapesTheYaml() {
        HindsightConfig config = new HindsightConfig("https://wiki.example.com", "OPS", "Post-mortems", true,
                "classes:\n  priority: {SEV1: 4w}  # <\"quoted\">", "", "PM", "hindsight-bot");
        SyncJob dead = new SyncJob(7, "PM-12", JobStatus.DEAD, 6, 2, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "issue updated",
                Optional.of("Confluence said 401 <html>"));
        AdminPageView view = new AdminPageView(config, new QueueCounts(Map.of(JobStatus.QUEUED, 3, JobStatus.DEAD, 1)), List.of(new JobView(dead)),
                List.of("created: issue type 'Post-mortem'", "manual: Kanban board 'Remediation' (<b>Boards</b>)"), List.of("SLO policy:2: unknown field 'clases'"), "", "tok-123", "/jira/plugins/servlet/hindsight/admin");
        String html = velocity.render("templates/admin.vm", Map.of("admin", view, "i18n", i18n));

        assertEquals(List.of(), velocity.violations());
        assertTrue(html.contains("name=\"atl_token\" value=\"tok-123\""));
        assertTrue(html.contains(i18n.getText("hindsight.admin.confluence.token.set")));
        assertTrue(html.contains("# &lt;&quot;quoted&quot;&gt;"));
        assertTrue(html.contains("Confluence said 401 &lt;html&gt;"));
        assertTrue("the dead job's replay form", html.contains("name=\"job\" value=\"7\""));
        assertTrue(html.contains("SLO policy:2: unknown field &#39;clases&#39;"));
        assertTrue("the account Hindsight acts as", html.contains("value=\"hindsight-bot\""));
        assertTrue("what provisioning did, escaped", html.contains("manual: Kanban board &#39;Remediation&#39; (&lt;b&gt;Boards&lt;/b&gt;)"));
    }

    @Test
    public void reportPageListsRowsLinesAndRecurringCauses() {
        ReportData data = new ReportData(LocalDate.of(2026, 12, 1),
                List.of(new ReportRow("SEV2", 2, Optional.empty(), Optional.empty(), Optional.of(Duration.ofMinutes(90)), 3, 1, 1, 0)),
                List.of(new ReportData.PostMortemLine("PM-1", "DB <lag>", "SEV2", Optional.empty(), Optional.empty(), 2, 1, 1),
                        new ReportData.PostMortemLine("SEC-9", "Hidden", "SEV1", Optional.empty(), Optional.empty(), 1, 0, 0)),
                List.of(new ReportData.Recurring("monitoring-gap", List.of("PM-1", "PM-2"))), List.of());
        ReportView view = ReportView.of(data, key -> !key.startsWith("SEC"));
        String html = velocity.render("templates/report.vm", Map.of("report", view, "i18n", i18n));

        assertEquals(List.of(), velocity.violations());
        assertTrue(html.contains("1.5 h"));
        assertTrue(html.contains("DB &lt;lag&gt;"));
        assertFalse("a post-mortem the user may not browse is left out", html.contains("SEC-9"));
        assertTrue(html.contains("monitoring-gap (2)"));
    }

    @Test
    public void startPageNamesTheTemplateTheSeverityChose() {
        StartView view = new StartView("INC-4", "Payments <down>", "SEV1", "Atlassian incident post-mortem",
                List.of("Summary", "Five whys"), "tok", "/plugins/servlet/hindsight/start?incident=INC-4", "", true);
        String html = velocity.render("templates/start.vm", Map.of("start", view, "i18n", i18n));
        assertEquals(List.of(), velocity.violations());
        assertTrue(html.contains("Payments &lt;down&gt;"));
        assertTrue(html.contains("Atlassian incident post-mortem"));
        assertTrue(html.contains("<li>Five whys</li>"));
        assertTrue(html.contains("Create the post-mortem"));
    }

    @Test
    public void aStartPageThatCannotStartSaysWhyAndOffersNoButton() {
        StartView view = new StartView("INC-4", "Payments down", "SEV1", "Atlassian incident post-mortem", List.of("Summary"), "tok",
                "/plugins/servlet/hindsight/start?incident=INC-4", i18n.getText("hindsight.start.error.type-not-in-project", "PM", "Post-mortem"), false);
        String html = velocity.render("templates/start.vm", Map.of("start", view, "i18n", i18n));
        assertEquals(List.of(), velocity.violations());
        assertTrue(html, html.contains("Project PM does not offer the \u2018Post-mortem\u2019 issue type"));
        assertTrue(html.contains("Administration &gt; Issues &gt; Issue type schemes"));
        assertFalse("no button that can only fail", html.contains("Create the post-mortem"));
    }

    @Test
    public void workflowTemplatesRenderWithI18nOnly() {
        for (String t : List.of("templates/workflow/checker-gate-view.vm", "templates/workflow/queue-sync-view.vm", "templates/workflow/no-parameters.vm")) {
            String html = velocity.render(t, Map.of("i18n", i18n));
            assertEquals(t, List.of(), velocity.violations());
            assertFalse(t, html.isBlank());
        }
    }

    @Test
    public void aCallOffTheAllowlistIsBlockedAndReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> velocity.render("velocity-test/calls-a-service.vm",
                Map.of("panel", CheckerPanelView.unreadable("hindsight.panel.no-issue"))));
        assertTrue(e.getMessage(), e.getMessage().contains("toString"));
        assertEquals(1, velocity.violations().size());
        assertTrue(velocity.violations().get(0), velocity.violations().get(0).startsWith("io.hindsight.jira.web.view.CheckerPanelView#toString()"));
    }

    @Test
    public void aReferenceNamedHtmlIsNotEscapedAsInJira() {
        assertEquals("&lt;i&gt;", new JiraVelocity.EscapeReferences().referenceInsert("$text", "<i>"));
        assertEquals("<i>", new JiraVelocity.EscapeReferences().referenceInsert("$!{bodyHtml}", "<i>"));
    }

    private static CheckResult check(String markdown) {
        SloPolicy policy = SloPolicyLoader.defaults();
        Checker checker = new Checker(TemplateRegistry.builtIn(), policy, Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
        ParsedPostMortem parsed = new MarkdownReader(policy.actionClasses()).read(markdown, "pm.md");
        List<Finding> findings = checker.check(parsed).findings();
        CompletenessReport c = CompletenessReport.of(parsed.postMortem(), checker.templateFor(parsed.postMortem()));
        return new CheckResult(findings, c.template().id(), c.template().name(), c.percentFilled(), List.of("Timeline"));
    }
}
