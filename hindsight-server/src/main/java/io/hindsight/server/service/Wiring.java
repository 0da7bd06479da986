package io.hindsight.server.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.core.usecase.BuildReport;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.PublishPostMortem;
import io.hindsight.core.usecase.SendReminders;
import io.hindsight.core.usecase.SyncPostMortem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The use cases put together for one site: the REST adapters behind the ports, and the checker, planner
 * and renderer the settings choose. Every command and the service take their use cases from here.
 */
public final class Wiring {
    public final AtlassianSite site;
    public final PostMortemStore store;
    public final TicketTracker tracker;
    public final SyncPostMortem sync;
    public final PublishPostMortem publish;
    public final LintPostMortem lint;
    public final BuildReport report;
    public final ProvisionedIds ids;
    private final SloPolicy policy;
    private final Clock clock;

    /**
     * @param space      the Confluence space for pages; null for commands that write no page
     * @param appLinkName, appLinkId Confluence's application link to Jira, for the Jira Issues macro; null: Confluence's default link
     */
    public Wiring(AtlassianSite site, ProvisionedIds ids, String space, SloPolicy policy, TemplateRegistry templates, Clock clock,
                  String appLinkName, String appLinkId) {
        this(site, ids, space, policy, templates, clock, appLinkName, appLinkId, java.util.Map.of());
    }

    /** @param users the team's map of action owners' handles to Jira users ({@code users:} in hindsight.yaml) */
    public Wiring(AtlassianSite site, ProvisionedIds ids, String space, SloPolicy policy, TemplateRegistry templates, Clock clock,
                  String appLinkName, String appLinkId, java.util.Map<String, String> users) {
        this(site, ids, space, policy, templates, clock, appLinkName, appLinkId, users, SyncPostMortem.UNSETTLED_WINDOW);
    }

    /**
     * @param unsettledWindow after a create of tickets got no answer, how long syncs of that post-mortem create none
     *                        (it may still land); longer than the slowest answer Jira and any proxy in between give
     */
    public Wiring(AtlassianSite site, ProvisionedIds ids, String space, SloPolicy policy, TemplateRegistry templates, Clock clock,
                  String appLinkName, String appLinkId, java.util.Map<String, String> users, java.time.Duration unsettledWindow) {
        this.site = site;
        this.ids = ids;
        this.policy = policy;
        this.clock = clock;
        this.store = site.postMortems(ids, policy.actionClasses());
        this.tracker = site.tickets(ids);
        Checker checker = new Checker(templates, policy, clock);
        RemediationPlanner planner = new RemediationPlanner(policy);
        this.lint = new LintPostMortem(new MarkdownReader(policy.actionClasses()), checker, store, tracker, users);
        this.publish = new PublishPostMortem(lint, store, tracker, planner);
        this.report = new BuildReport(store, tracker, clock);
        WikiPages pages = space == null ? null : site.pages(space, ids);
        this.sync = pages == null ? null : new SyncPostMortem(store, tracker, pages, checker, planner, PostMortemRenderer.withBuiltInTemplates(),
                new SyncPostMortem.Settings(site.jiraUrl().toString(), appLinkName, appLinkId, Schema.PAGE_LABELS).withUsers(users).withUnsettledWindow(unsettledWindow), clock);
    }

    /**
     * A reminder pass over the tickets carrying the policy's first label (or {@code label}).
     *
     * @param approvers whether post-mortems are read for their approvers (needs the provisioned field ids)
     */
    public SendReminders reminders(String label, boolean approvers, Clock on) {
        String remediationLabel = label != null ? label : policy.labels().isEmpty() ? null : policy.labels().get(0);
        if (remediationLabel == null) throw new IllegalArgumentException("the SLO policy names no label for remediation tickets: pass --label");
        return approvers ? new SendReminders(tracker, store, remediationLabel, on) : new SendReminders(tracker, remediationLabel, on);
    }

    public SendReminders reminders(String label, boolean approvers) {
        return reminders(label, approvers, clock);
    }

    public static ProvisionedIds readIds(Path file) {
        try {
            return new ObjectMapper().readValue(Files.readString(file), ProvisionedIds.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("there is no " + file.toAbsolutePath().normalize() + ": run 'hindsight provision' first (it writes that file), "
                    + "or name the one it wrote with --ids-file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + "): run 'hindsight provision' first; it writes that file");
        }
    }
}
