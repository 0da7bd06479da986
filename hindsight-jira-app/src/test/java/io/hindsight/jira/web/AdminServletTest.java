package io.hindsight.jira.web;

import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.QueuePolicy;
import io.hindsight.jira.queue.SyncJob;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.provision.Provisioning;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.FakeAccess;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.MutableClock;
import io.hindsight.jira.web.view.AdminPageView;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The admin page: admins only, XSRF token on every POST, YAML checked before anything is saved, dead jobs replayed. */
public class AdminServletTest {
    private Provisioning provisioning;
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final FakeAccess access = new FakeAccess().admin(true);
    private final XsrfTokenValidator validator = mock(XsrfTokenValidator.class);
    private final XsrfTokenAccessor tokens = mock(XsrfTokenAccessor.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final HttpServletRequest req = mock(HttpServletRequest.class);
    private final HttpServletResponse resp = mock(HttpServletResponse.class);
    private AdminSettings settings;
    private SyncQueue queue;
    private AdminServlet servlet;

    @Before
    public void setUp() throws Exception {
        settings = new AdminSettings(db.activeObjects(), clock);
        queue = new SyncQueue(db.activeObjects(), new LocalClusterLocks(), clock, new QueuePolicy(1, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15)));
        provisioning = mock(Provisioning.class);
        servlet = new AdminServlet(settings, queue, access, tokens, validator, renderer, new I18n(), provisioning);
        when(tokens.getXsrfToken(any(), any(), anyBoolean())).thenReturn("tok-1");
        when(req.getContextPath()).thenReturn("/jira");
        when(resp.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
    }

    @Test
    public void aNonAdminGetsForbiddenAndSeesNothing() throws Exception {
        access.admin(false);
        servlet.doGet(req, resp);
        verify(resp).sendError(eq(403), anyString());
        verify(renderer, never()).render(anyString(), any(), any());
    }

    @Test
    public void showsTheSettingsTheQueueAndTheFormToken() throws Exception {
        servlet.doGet(req, resp);
        AdminPageView view = rendered();
        assertEquals("tok-1", view.getFormToken());
        assertEquals("/jira/plugins/servlet/hindsight/admin", view.getFormAction());
        assertFalse(view.isConfluenceTokenSet());
    }

    @Test
    public void aPostWithoutAValidXsrfTokenChangesNothing() throws Exception {
        form(Map.of("action", "save", "confluenceUrl", "https://evil.example.com"));
        when(validator.validateFormEncodedToken(req)).thenReturn(false);
        servlet.doPost(req, resp);
        verify(resp).setStatus(403);
        assertEquals(Optional.empty(), settings.get(Setting.CONFLUENCE_URL));
        assertTrue(rendered().getProblems().get(0).contains("expired"));
    }

    @Test
    public void brokenYamlIsRefusedWithTheLineAndNothingIsSaved() throws Exception {
        form(Map.of("action", "save", "confluenceUrl", "https://wiki.example.com", "sloPolicyYaml", "countFrom: approved\nclases: {}\n"));
        when(validator.validateFormEncodedToken(req)).thenReturn(true);
        servlet.doPost(req, resp);
        verify(resp).setStatus(400);
        assertTrue(rendered().getProblems().toString(), rendered().getProblems().get(0).startsWith("SLO policy:2:"));
        assertEquals("nothing half-saved", Optional.empty(), settings.get(Setting.CONFLUENCE_URL));
    }

    @Test
    public void savesAValidFormAndKeepsTheStoredTokenWhenTheFieldIsLeftEmpty() throws Exception {
        when(validator.validateFormEncodedToken(req)).thenReturn(true);
        form(Map.of("action", "save", "confluenceUrl", "https://wiki.example.com", "confluenceToken", "pat-1", "postMortemProject", "pm"));
        servlet.doPost(req, resp);
        form(Map.of("action", "save", "confluenceUrl", "https://wiki2.example.com", "confluenceToken", ""));
        servlet.doPost(req, resp);

        assertEquals(Optional.of("https://wiki2.example.com"), settings.get(Setting.CONFLUENCE_URL));
        assertEquals(Optional.of("pat-1"), settings.get(Setting.CONFLUENCE_TOKEN));
        assertEquals(i18n("hindsight.admin.saved"), rendered().getNotice());
        verify(resp, never()).setStatus(400);
    }

    @Test
    public void refusesAConfluenceUrlThatIsNotAWebAddress() throws Exception {
        when(validator.validateFormEncodedToken(req)).thenReturn(true);
        form(Map.of("action", "save", "confluenceUrl", "javascript:alert(1)"));
        servlet.doPost(req, resp);
        verify(resp).setStatus(400);
        assertEquals(Optional.empty(), settings.get(Setting.CONFLUENCE_URL));
    }

    @Test
    public void replaysADeadJob() throws Exception {
        queue.enqueue("PM-1", "x");
        SyncJob claimed = queue.claimNext("node").orElseThrow();
        queue.fail(claimed.id(), "node", "Confluence said 401");
        when(validator.validateFormEncodedToken(req)).thenReturn(true);
        form(Map.of("action", "replay", "job", String.valueOf(claimed.id())));

        servlet.doPost(req, resp);
        assertEquals(JobStatus.QUEUED, queue.latest("PM-1").orElseThrow().status());
        assertEquals(i18n("hindsight.admin.replayed"), rendered().getNotice());

        form(Map.of("action", "replay", "job", "99999"));
        servlet.doPost(req, resp);
        verify(resp).setStatus(404);
    }

    private void form(Map<String, String> params) {
        when(req.getParameter(anyString())).thenAnswer(inv -> params.get(inv.<String>getArgument(0)));
    }

    @SuppressWarnings("unchecked")
    private AdminPageView rendered() throws Exception {
        ArgumentCaptor<Map<String, Object>> ctx = ArgumentCaptor.forClass(Map.class);
        verify(renderer, org.mockito.Mockito.atLeastOnce()).render(eq(AdminServlet.TEMPLATE), ctx.capture(), any());
        return (AdminPageView) ctx.getValue().get("admin");
    }

    private static String i18n(String key) {
        return new I18n().getText(key);
    }
}
