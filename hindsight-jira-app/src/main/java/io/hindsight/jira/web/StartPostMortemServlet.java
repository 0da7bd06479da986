package io.hindsight.jira.web;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.port.Schema;
import io.hindsight.core.template.Template;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.EngineSettings;
import io.hindsight.jira.incident.DraftFromIncident;
import io.hindsight.jira.incident.Incident;
import io.hindsight.jira.port.Access;
import io.hindsight.jira.port.IncidentSource;
import io.hindsight.jira.port.PostMortemStarter;
import io.hindsight.jira.queue.IssueKeys;
import io.hindsight.jira.web.view.StartView;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /plugins/servlet/hindsight/start?incident=KEY}: GET shows which blameless template the incident's
 * severity chose and asks to confirm; POST (with Jira's XSRF token) creates the linked Post-mortem issue and
 * opens it.
 */
@LicensedOnly
public class StartPostMortemServlet extends HttpServlet {
    static final String TEMPLATE = "templates/start.vm";
    private final IncidentSource incidents;
    private final PostMortemStarter starter;
    private final AdminSettings settings;
    private final Access access;
    private final XsrfTokenAccessor tokens;
    private final XsrfTokenValidator tokenValidator;
    private final Pages pages;

    public StartPostMortemServlet(IncidentSource incidents, PostMortemStarter starter, AdminSettings settings, Access access,
                                  XsrfTokenAccessor tokens, XsrfTokenValidator tokenValidator, TemplateRenderer renderer,
                                  I18nResolver i18n) {
        this.incidents = incidents;
        this.starter = starter;
        this.settings = settings;
        this.access = access;
        this.tokens = tokens;
        this.tokenValidator = tokenValidator;
        this.pages = new Pages(renderer, i18n);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Incident> incident = visibleIncident(req, resp);
        if (incident.isEmpty()) return;
        show(req, resp, incident.get(), blocker(incident.get()).orElse(""), blocker(incident.get()).isEmpty());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Incident> incident = visibleIncident(req, resp);
        if (incident.isEmpty()) return;
        if (!tokenValidator.validateFormEncodedToken(req)) {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            show(req, resp, incident.get(), pages.text("hindsight.error.xsrf"), true);
            return;
        }
        Optional<String> blocked = blocker(incident.get());
        if (blocked.isPresent()) {
            resp.setStatus(HttpServletResponse.SC_CONFLICT);
            show(req, resp, incident.get(), blocked.get(), false);
            return;
        }
        PostMortem draft = drafter().draft(incident.get());
        try {
            IssueKey key = starter.start(incident.get().key(), IssueKey.of(incident.get().key()).project(), draft);
            resp.sendRedirect(req.getContextPath() + "/browse/" + key.value());
        } catch (Exception e) {
            resp.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
            show(req, resp, incident.get(), pages.text("hindsight.start.error.create") + " " + (e.getMessage() == null ? "" : e.getMessage()), true);
        }
    }

    private Optional<Incident> visibleIncident(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String key = req.getParameter("incident");
        if (access.currentUser().isEmpty()) {
            pages.forbidden(resp);
            return Optional.empty();
        }
        if (!IssueKeys.isKey(key) || !access.canBrowse(IssueKeys.require(key))) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, pages.text("hindsight.start.error.no-incident"));
            return Optional.empty();
        }
        Optional<Incident> incident = incidents.incident(IssueKeys.require(key));
        if (incident.isEmpty()) resp.sendError(HttpServletResponse.SC_NOT_FOUND, pages.text("hindsight.start.error.no-incident"));
        return incident;
    }

    /**
     * What stops a post-mortem being created for this incident, in words the user can act on, before anything
     * is written: without it Jira would refuse deep in issue creation with "the issue type selected is invalid".
     */
    private Optional<String> blocker(Incident incident) {
        PostMortemStarter.Target target = starter.target(IssueKey.of(incident.key()).project());
        return switch (target.readiness()) {
            case READY -> Optional.empty();
            case NO_SUCH_PROJECT -> Optional.of(pages.text("hindsight.start.error.no-project", target.project()));
            case NO_POST_MORTEM_TYPE -> Optional.of(pages.text("hindsight.start.error.no-type", Schema.POST_MORTEM_TYPE));
            case TYPE_NOT_IN_PROJECT -> Optional.of(pages.text("hindsight.start.error.type-not-in-project", target.project(), Schema.POST_MORTEM_TYPE));
        };
    }

    private void show(HttpServletRequest req, HttpServletResponse resp, Incident incident, String problem, boolean canStart) throws IOException {
        Template template = drafter().templateFor(incident);
        StartView view = new StartView(incident.key(), incident.summary(), incident.severity().map(Enum::name).orElse(""),
                template.name(), template.sections().stream().map(s -> s.heading() == null ? s.kind().heading() : s.heading()).toList(),
                tokens.getXsrfToken(req, resp, true), req.getContextPath() + "/plugins/servlet/hindsight/start?incident=" + incident.key(), problem, canStart);
        pages.render(resp, TEMPLATE, "start", view);
    }

    private DraftFromIncident drafter() {
        return new DraftFromIncident(EngineSettings.templates(settings.config().templatesYaml()));
    }
}
