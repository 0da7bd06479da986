package io.hindsight.core.fake;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.port.Schema;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.core.usecase.BuildReport;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.PublishPostMortem;
import io.hindsight.core.usecase.SendReminders;
import io.hindsight.core.usecase.SyncPostMortem;

import java.time.Clock;

/** A Jira and a Confluence in memory, sharing one set of faults and a clock, with the use cases wired to them. */
public final class InMemorySite {
    public static final SloPolicy POLICY = SloPolicyLoader.defaults();
    public static final String JIRA_URL = "https://jira.example.com";

    public final Faults faults = new Faults();
    public final MutableClock clock;
    public final InMemoryJira jira;
    public final InMemoryConfluence confluence = new InMemoryConfluence(faults);
    /** The team's map of owner handles to Jira users, as {@code users:} in hindsight.yaml gives it. */
    public final java.util.Map<String, String> users = new java.util.HashMap<>();

    public InMemorySite(String isoInstant) {
        this.clock = MutableClock.at(isoInstant);
        this.jira = InMemoryJira.withDefaults(faults, clock);
    }

    public SyncPostMortem sync() {
        return syncOn(clock);
    }

    /** The sync as it runs on another day. */
    public SyncPostMortem syncOn(Clock day) {
        return new SyncPostMortem(jira, jira, confluence, new Checker(TemplateRegistry.builtIn(), POLICY, day), new RemediationPlanner(POLICY),
                PostMortemRenderer.withBuiltInTemplates(), new SyncPostMortem.Settings(JIRA_URL, null, null, Schema.PAGE_LABELS).withUsers(users), day);
    }

    public LintPostMortem lint() {
        return new LintPostMortem(new MarkdownReader(POLICY.actionClasses()), new Checker(TemplateRegistry.builtIn(), POLICY, clock), jira, jira, users);
    }

    public PublishPostMortem publish() {
        return new PublishPostMortem(lint(), jira, jira, new RemediationPlanner(POLICY));
    }

    public SendReminders reminders() {
        return new SendReminders(jira, jira, Schema.TICKET_LABEL, clock);
    }

    public BuildReport report() {
        return new BuildReport(jira, jira, clock);
    }

    /** A post-mortem issue made from Markdown, as an author would make it in Jira. */
    public IssueKey postMortem(String markdown) {
        PostMortem pm = new MarkdownReader(POLICY.actionClasses()).read(markdown, "pm.md").postMortem();
        return jira.create("PM", pm).key();
    }

    /** Reads and writes of both, counted afresh. */
    public void resetCounts() {
        jira.resetCounts();
        confluence.resetCounts();
    }

    public int writes() {
        return jira.writes() + confluence.writes();
    }

    public int reads() {
        return jira.reads() + confluence.reads();
    }
}
