package io.hindsight.jira.engine;

import com.atlassian.sal.api.message.I18nResolver;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.port.Schema;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.report.ReportData;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.SyncResult;
import io.hindsight.core.usecase.BuildReport;
import io.hindsight.core.usecase.SendReminders;
import io.hindsight.core.usecase.SyncPostMortem;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.EngineSettings;
import io.hindsight.jira.port.JiraSite;
import io.hindsight.jira.port.PostMortemStarter;
import io.hindsight.jira.port.ReminderRunner;
import io.hindsight.jira.port.ReportSource;
import io.hindsight.jira.port.SyncRunner;

import java.time.Clock;
import java.util.List;

/**
 * The core's use cases, put together for this Jira with the admin's current settings (SLO policy, templates,
 * Confluence target), as the service's {@code Wiring} does for a site over REST. Built on each use, so a
 * setting saved on one node holds on every node at once.
 */
public final class Engine implements SyncRunner, ReminderRunner, ReportSource, PostMortemStarter {
    /** The most post-mortems one report reads. */
    static final int REPORT_LIMIT = 1000;
    private final AdminSettings settings;
    private final JiraSite site;
    private final Clock clock;
    private final I18nResolver i18n;

    public Engine(AdminSettings settings, JiraSite site, Clock clock, I18nResolver i18n) {
        this.settings = settings;
        this.site = site;
        this.clock = clock;
        this.i18n = i18n;
    }

    private EngineSettings.Rules rules() {
        return EngineSettings.Rules.of(settings.config());
    }

    /** One sync, as Hindsight's account: load, analyse, plan, reconcile, publish, remember, tell. */
    @Override
    public String sync(String postMortemKey) {
        IssueKey key = IssueKey.of(postMortemKey);
        return site.asHindsight(() -> {
            EngineSettings.Rules r = rules();
            SyncPostMortem sync = new SyncPostMortem(site.postMortems(r.policy().actionClasses()), site.tickets(), site.pages(),
                    new Checker(r.templates(), r.policy(), clock), new RemediationPlanner(r.policy()), PostMortemRenderer.withBuiltInTemplates(),
                    new SyncPostMortem.Settings(site.baseUrl(), null, null, Schema.PAGE_LABELS), clock);
            return describe(sync.sync(key));
        });
    }

    String describe(SyncResult r) {
        String key = r.postMortemKey();
        if (r.blocked()) return i18n.getText("hindsight.sync.blocked", key);
        // counts as text: MessageFormat would group a number's digits the locale's way
        return i18n.getText("hindsight.sync.done", key, String.valueOf(r.created().size()), String.valueOf(r.updated().size()), pageAction(r.page().action()));
    }

    private String pageAction(PageDecision.Action action) {
        return switch (action) {
            case CREATE -> i18n.getText("hindsight.sync.page.create");
            case UPDATE -> i18n.getText("hindsight.sync.page.update");
            case UNCHANGED -> i18n.getText("hindsight.sync.page.unchanged");
        };
    }

    /** One reminder sweep over the tickets carrying the policy's remediation label, as Hindsight's account. */
    @Override
    public String sendReminders() {
        return site.asHindsight(() -> {
            EngineSettings.Rules r = rules();
            List<String> labels = r.policy().labels();
            String label = labels.isEmpty() ? Schema.TICKET_LABEL : labels.get(0);
            List<SendReminders.Sent> sent = new SendReminders(site.tickets(), site.postMortems(r.policy().actionClasses()), label, clock).run();
            return i18n.getText("hindsight.reminders.sent", String.valueOf(sent.size()));
        });
    }

    /** The report over the post-mortems the signed-in user may see, built as that user. */
    @Override
    public ReportData report() {
        EngineSettings.Rules r = rules();
        return new BuildReport(site.postMortemsForCurrentUser(r.policy().actionClasses()), site.ticketsForCurrentUser(), clock).build(null, REPORT_LIMIT);
    }

    /** In the project the admin chose for post-mortems, else the incident's own. */
    @Override
    public Target target(String incidentProject) {
        String project = projectFor(incidentProject);
        return new Target(project, site.readinessForPostMortems(project));
    }

    @Override
    public IssueKey start(String incidentKey, String incidentProject, PostMortem draft) {
        return site.startPostMortem(incidentKey, projectFor(incidentProject), draft, rules().policy().actionClasses());
    }

    private String projectFor(String incidentProject) {
        return settings.get(io.hindsight.jira.config.Setting.POST_MORTEM_PROJECT).filter(p -> !p.isBlank()).orElse(incidentProject);
    }
}
