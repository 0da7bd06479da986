package io.hindsight.jira.web;

import com.atlassian.annotations.security.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.EngineSettings;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.port.Access;
import io.hindsight.jira.provision.Provisioning;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.web.view.AdminPageView;
import io.hindsight.jira.web.view.JobView;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /plugins/servlet/hindsight/admin}: Jira administrators set the Confluence target, the SLO policy and
 * the templates (YAML, checked with setting:line errors before anything is saved), and replay dead sync jobs.
 * Every POST carries Jira's XSRF form token.
 */
@AdminOnly
public class AdminServlet extends HttpServlet {
    static final String TEMPLATE = "templates/admin.vm";
    private final AdminSettings settings;
    private final SyncQueue queue;
    private final Access access;
    private final XsrfTokenAccessor tokens;
    private final XsrfTokenValidator tokenValidator;
    private final Pages pages;
    private final Provisioning provisioning;

    public AdminServlet(AdminSettings settings, SyncQueue queue, Access access, XsrfTokenAccessor tokens,
                        XsrfTokenValidator tokenValidator, TemplateRenderer renderer, I18nResolver i18n, Provisioning provisioning) {
        this.settings = settings;
        this.provisioning = provisioning;
        this.queue = queue;
        this.access = access;
        this.tokens = tokens;
        this.tokenValidator = tokenValidator;
        this.pages = new Pages(renderer, i18n);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!access.isAdmin()) {
            pages.forbidden(resp);
            return;
        }
        show(req, resp, List.of(), "");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!access.isAdmin()) {
            pages.forbidden(resp);
            return;
        }
        if (!tokenValidator.validateFormEncodedToken(req)) {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            show(req, resp, List.of(pages.text("hindsight.error.xsrf")), "");
            return;
        }
        String action = String.valueOf(req.getParameter("action"));
        if (action.equals("replay")) {
            replay(req, resp);
        } else if (action.equals("save")) {
            save(req, resp);
        } else if (action.equals("provision")) {
            provisioning.run();
            show(req, resp, List.of(), pages.text("hindsight.admin.provisioned"));
        } else {
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(req, resp, List.of(pages.text("hindsight.error.unknown-action")), "");
        }
    }

    private void save(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.CONFLUENCE_URL, req.getParameter("confluenceUrl"));
        values.put(Setting.CONFLUENCE_SPACE, req.getParameter("confluenceSpace"));
        values.put(Setting.CONFLUENCE_PARENT_PAGE, req.getParameter("confluenceParentPage"));
        values.put(Setting.SLO_POLICY_YAML, req.getParameter("sloPolicyYaml"));
        values.put(Setting.TEMPLATES_YAML, req.getParameter("templatesYaml"));
        values.put(Setting.POST_MORTEM_PROJECT, req.getParameter("postMortemProject"));
        values.put(Setting.JIRA_USER, req.getParameter("jiraUser"));
        // a blank token field keeps the stored token; "clear" removes it
        String token = req.getParameter("confluenceToken");
        if (token != null && !token.isBlank()) values.put(Setting.CONFLUENCE_TOKEN, token);
        if ("on".equals(req.getParameter("clearConfluenceToken"))) values.put(Setting.CONFLUENCE_TOKEN, null);

        List<String> problems = new ArrayList<>(EngineSettings.problems(values.get(Setting.SLO_POLICY_YAML), values.get(Setting.TEMPLATES_YAML)));
        String url = values.get(Setting.CONFLUENCE_URL);
        if (url != null && !url.isBlank() && !isWebUrl(url)) problems.add(pages.text("hindsight.admin.error.url"));
        String project = values.get(Setting.POST_MORTEM_PROJECT);
        if (project != null && !project.isBlank() && !io.hindsight.core.model.ProjectKey.isValid(project.strip().toUpperCase(Locale.ROOT))) {
            problems.add(pages.text("hindsight.admin.error.project"));
        }
        String parent = values.get(Setting.CONFLUENCE_PARENT_PAGE);
        if (parent != null && !parent.isBlank() && !parent.strip().matches("\\d{1,19}")) problems.add(pages.text("hindsight.admin.error.parent"));
        if (!problems.isEmpty()) {
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(req, resp, problems, "");
            return;
        }
        settings.save(values, access.currentUser().orElse(""));
        show(req, resp, List.of(), pages.text("hindsight.admin.saved"));
    }

    private void replay(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int id;
        try {
            id = Integer.parseInt(String.valueOf(req.getParameter("job")));
        } catch (NumberFormatException e) {
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(req, resp, List.of(pages.text("hindsight.admin.error.job")), "");
            return;
        }
        boolean replayed = queue.replay(id).isPresent();
        if (!replayed) resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
        show(req, resp, replayed ? List.of() : List.of(pages.text("hindsight.admin.error.job")), replayed ? pages.text("hindsight.admin.replayed") : "");
    }

    private void show(HttpServletRequest req, HttpServletResponse resp, List<String> problems, String notice) throws IOException {
        List<JobView> dead = queue.list(JobStatus.DEAD, 50).stream().map(JobView::new).toList();
        AdminPageView view = new AdminPageView(settings.config(), queue.counts(), dead, provisioning.lastReport(), problems, notice,
                tokens.getXsrfToken(req, resp, true), req.getContextPath() + "/plugins/servlet/hindsight/admin");
        pages.render(resp, TEMPLATE, "admin", view);
    }

    static boolean isWebUrl(String url) {
        try {
            URI u = URI.create(url.strip());
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
