package io.hindsight.jira.web;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Severity;
import io.hindsight.jira.check.CheckService;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.incident.Incident;
import io.hindsight.core.model.IssueKey;
import io.hindsight.jira.engine.Engine;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.FakeAccess;
import io.hindsight.jira.testing.Fixtures;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.FakeSite;
import io.hindsight.jira.testing.MutableClock;
import io.hindsight.jira.web.view.CheckerPanelView;
import io.hindsight.jira.web.view.FindingView;
import io.hindsight.jira.web.view.ReportView;
import io.hindsight.jira.web.view.StartView;
import io.hindsight.jira.port.PostMortemStarter;
import io.hindsight.jira.port.ProjectReadiness;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The checker panel's context, its conditions, the report page and "start a post-mortem". */
public class PagesAndPanelTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest req = mock(HttpServletRequest.class);
    private final HttpServletResponse resp = mock(HttpServletResponse.class);
    private final XsrfTokenAccessor tokens = mock(XsrfTokenAccessor.class);
    private final XsrfTokenValidator validator = mock(XsrfTokenValidator.class);
    private AdminSettings settings;

    @Before
    public void setUp() throws Exception {
        settings = new AdminSettings(db.activeObjects(), clock);
        when(resp.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        when(tokens.getXsrfToken(any(), any(), anyBoolean())).thenReturn("tok");
        when(req.getContextPath()).thenReturn("");
    }

    @Test
    public void thePanelGivesItsTemplateOnlyAViewOfTheFindings() {
        CheckerPanelContextProvider provider = new CheckerPanelContextProvider(
                new CheckService(settings, new FakeSite().put("PM-1", Fixtures.BLAMING), clock));
        Map<String, Object> ctx = provider.getContextMap(Map.of("issue", issue("PM-1", "Post-mortem")));
        CheckerPanelView panel = (CheckerPanelView) ctx.get("panel");
        assertEquals("the key the panel's script asks the lint resource about", "PM-1", ctx.get("issueKey"));
        assertTrue(panel.isReadable());
        assertTrue(panel.getErrorCount() > 0);
        assertTrue(panel.getFindings().stream().anyMatch(f -> f.getSentence().contains("Bob")));
    }

    /**
     * A waiver with a reason removes the finding from the panel (the core drops waived findings; it does not
     * list them as waived); one without a reason waives nothing and the panel adds a warning saying why.
     */
    @Test
    public void thePanelHonoursAWaiverWithAReasonAndExplainsOneWithout() {
        FakeSite site = new FakeSite()
                .put("PM-1", Fixtures.cleanWithRootCause(Fixtures.BLAMING_SENTENCE))
                .put("PM-2", Fixtures.cleanWithRootCause(
                        "<!-- hindsight-ignore blameless.*: the customer's own words, quoted from their ticket -->\n" + Fixtures.BLAMING_SENTENCE))
                .put("PM-3", Fixtures.cleanWithRootCause("<!-- hindsight-ignore blameless.* -->\n" + Fixtures.BLAMING_SENTENCE));
        CheckerPanelContextProvider provider = new CheckerPanelContextProvider(new CheckService(settings, site, clock));

        CheckerPanelView unwaived = panelOf(provider, "PM-1");
        assertTrue(unwaived.getErrorCount() > 0);
        assertTrue(unwaived.getFindings().stream().anyMatch(f -> f.getRule().startsWith("blameless.") && f.getSentence().contains("Bob")));

        CheckerPanelView waived = panelOf(provider, "PM-2");
        assertTrue(waived.isReadable());
        assertEquals(0, waived.getErrorCount());
        assertTrue(waived.getFindings().stream().noneMatch(f -> f.getRule().startsWith("blameless.")));

        CheckerPanelView noReason = panelOf(provider, "PM-3");
        assertEquals(unwaived.getErrorCount(), noReason.getErrorCount());
        FindingView why = noReason.getFindings().stream().filter(f -> f.getRule().equals("consistency.waiver-without-reason")).findFirst().orElseThrow();
        assertEquals("warning", why.getLevel());
        assertTrue(why.getSuggestion(), why.getSuggestion().contains("hindsight-ignore blameless.*: "));
    }

    private CheckerPanelView panelOf(CheckerPanelContextProvider provider, String key) {
        return (CheckerPanelView) provider.getContextMap(Map.of("issue", issue(key, "Post-mortem"))).get("panel");
    }

    @Test
    public void thePanelStillRendersWhenTheSettingsAreBroken() {
        settings.save(Map.of(Setting.TEMPLATES_YAML, "id: x\n"), "admin");
        CheckerPanelContextProvider provider = new CheckerPanelContextProvider(
                new CheckService(settings, new FakeSite().put("PM-1", Fixtures.CLEAN), clock));
        CheckerPanelView panel = (CheckerPanelView) provider.getContextMap(Map.of("issue", issue("PM-1", "Post-mortem"))).get("panel");
        assertFalse(panel.isReadable());
        assertEquals("hindsight.panel.config-broken", panel.getProblem());
    }

    @Test
    public void thePanelShowsOnPostMortemsAndStartAPostMortemOnEverythingElse() {
        assertTrue(new IsPostMortemCondition().shouldDisplay(Map.of("issue", issue("PM-1", "Post-mortem"))));
        assertFalse(new IsPostMortemCondition().shouldDisplay(Map.of("issue", issue("INC-1", "Incident"))));
        assertFalse(new IsPostMortemCondition().shouldDisplay(Map.of()));
        assertTrue(new IsNotPostMortemCondition().shouldDisplay(Map.of("issue", issue("INC-1", "Incident"))));
        assertFalse(new IsNotPostMortemCondition().shouldDisplay(Map.of("issue", issue("PM-1", "post-mortem"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theReportPageSaysWhyWhenItCannotBeBuilt() throws Exception {
        new ReportServlet(() -> {
            throw new IllegalStateException("Jira's search is being reindexed");
        }, new FakeAccess(), renderer, new I18n()).doGet(req, resp);
        verify(resp).setStatus(503);
        ArgumentCaptor<Map<String, Object>> ctx = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(ReportServlet.TEMPLATE), ctx.capture(), any());
        ReportView view = (ReportView) ctx.getValue().get("report");
        assertFalse(view.isAvailable());
        assertTrue(view.getProblem().contains("being reindexed"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void startingAPostMortemShowsTheTemplateThenCreatesTheLinkedIssueAndOpensIt() throws Exception {
        FakeSite site = new FakeSite();
        settings.save(Map.of(Setting.POST_MORTEM_PROJECT, "PM"), "admin");
        Incident incident = new Incident("INC-4", "Payments down", Optional.of(Severity.SEV1), Optional.empty());
        StartPostMortemServlet servlet = new StartPostMortemServlet(key -> key.equals("INC-4") ? Optional.of(incident) : Optional.empty(),
                new Engine(settings, site, clock, new I18n()), settings, new FakeAccess().browsing("INC-4"), tokens, validator, renderer, new I18n());
        when(req.getParameter("incident")).thenReturn("inc-4");

        servlet.doGet(req, resp);
        ArgumentCaptor<Map<String, Object>> ctx = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(StartPostMortemServlet.TEMPLATE), ctx.capture(), any());
        StartView view = (StartView) ctx.getValue().get("start");
        assertEquals("SEV1", view.getSeverity());
        assertFalse(view.getSections().isEmpty());
        assertNull("nothing is created on GET", site.jira.issue("PM-1"));

        when(validator.validateFormEncodedToken(req)).thenReturn(true);
        servlet.doPost(req, resp);
        verify(resp).sendRedirect("/browse/PM-1");
        PostMortem created = site.jira.issue("PM-1").postMortem;
        assertEquals("Post-mortem: Payments down", created.title());
        assertEquals("the severity's template, pre-filled", view.getTemplateName(),
                io.hindsight.core.template.TemplateRegistry.builtIn().get(created.template()).orElseThrow().name());
        assertEquals("linked to its incident", "INC-4", site.startedFrom.get("PM-1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aProjectWhoseSchemeLacksThePostMortemTypeIsNamedOnTheStartPageAndNothingIsCreated() throws Exception {
        FakeSite site = new FakeSite();
        site.readiness = ProjectReadiness.TYPE_NOT_IN_PROJECT;
        settings.save(Map.of(Setting.POST_MORTEM_PROJECT, "PM"), "admin");
        Incident incident = new Incident("INC-4", "Payments down", Optional.of(Severity.SEV1), Optional.empty());
        StartPostMortemServlet servlet = new StartPostMortemServlet(key -> Optional.of(incident), new Engine(settings, site, clock, new I18n()), settings,
                new FakeAccess().browsing("INC-4"), tokens, validator, renderer, new I18n());
        when(req.getParameter("incident")).thenReturn("INC-4");

        servlet.doGet(req, resp);
        ArgumentCaptor<Map<String, Object>> ctx = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(StartPostMortemServlet.TEMPLATE), ctx.capture(), any());
        StartView view = (StartView) ctx.getValue().get("start");
        assertFalse("no button that can only fail", view.isStartable());
        assertTrue(view.getProblem(), view.getProblem().startsWith("Project PM does not offer the \u2018Post-mortem\u2019 issue type"));
        assertTrue(view.getProblem(), view.getProblem().contains("Administration > Issues > Issue type schemes"));

        when(validator.validateFormEncodedToken(req)).thenReturn(true);
        servlet.doPost(req, resp);
        verify(resp).setStatus(409);
        verify(resp, never()).sendRedirect(anyString());
        assertNull("nothing half-created", site.jira.issue("PM-1"));
    }

    @Test
    public void noPostMortemIsCreatedWithoutTheXsrfTokenOrForAnIncidentTheUserCannotSee() throws Exception {
        AtomicReference<String> created = new AtomicReference<>();
        Incident incident = new Incident("INC-4", "Payments down", Optional.empty(), Optional.empty());
        StartPostMortemServlet servlet = new StartPostMortemServlet(key -> Optional.of(incident), new PostMortemStarter() {
            @Override
            public Target target(String incidentProject) {
                return new Target(incidentProject, ProjectReadiness.READY);
            }

            @Override
            public IssueKey start(String i, String project, io.hindsight.core.model.PostMortem d) {
                created.set(i);
                return IssueKey.of("PM-1");
            }
        }, settings, new FakeAccess().browsing("INC-4"), tokens, validator, renderer, new I18n());

        when(req.getParameter("incident")).thenReturn("INC-4");
        when(validator.validateFormEncodedToken(req)).thenReturn(false);
        servlet.doPost(req, resp);
        verify(resp).setStatus(403);

        when(req.getParameter("incident")).thenReturn("SEC-1");
        when(validator.validateFormEncodedToken(req)).thenReturn(true);
        servlet.doPost(req, resp);
        verify(resp).sendError(eq(404), anyString());
        assertNull(created.get());
    }

    private static Issue issue(String key, String type) {
        Issue issue = mock(Issue.class);
        IssueType t = mock(IssueType.class);
        when(t.getName()).thenReturn(type);
        when(issue.getKey()).thenReturn(key);
        when(issue.getIssueType()).thenReturn(t);
        return issue;
    }
}
