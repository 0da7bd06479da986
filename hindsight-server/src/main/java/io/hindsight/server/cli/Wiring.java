package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.confluence.ConfluenceClients;
import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraClients;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.sync.ConfluenceWiki;
import io.hindsight.atlassian.sync.JiraTracker;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.sync.SyncEngine;
import io.hindsight.core.template.TemplateRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Puts the engine together for one site: clients, tracker, wiki, checker, planner, renderer. */
final class Wiring {
    final JiraClient jira;
    final ConfluenceClient confluence;
    final JiraTracker tracker;
    final SyncEngine engine;

    /** @param deployment the flavour when known; else Jira's /serverInfo says */
    Wiring(AtlassianHttp jiraHttp, AtlassianHttp confluenceHttp, java.util.Optional<JiraModel.Deployment> deployment, ProvisionedIds ids,
           String space, SloPolicy policy, TemplateRegistry templates, Clock clock) {
        this(jiraHttp, confluenceHttp, deployment, ids, space, policy, templates, clock, null, null);
    }

    /** @param appLinkName, appLinkId Confluence's application link to Jira, for the Jira Issues macro; null: Confluence's default link */
    Wiring(AtlassianHttp jiraHttp, AtlassianHttp confluenceHttp, java.util.Optional<JiraModel.Deployment> deployment, ProvisionedIds ids,
           String space, SloPolicy policy, TemplateRegistry templates, Clock clock, String appLinkName, String appLinkId) {
        this.jira = deployment.map(d -> JiraClients.forDeployment(jiraHttp, d)).orElseGet(() -> JiraClients.connect(jiraHttp));
        this.confluence = ConfluenceClients.forDeployment(confluenceHttp, jira.deployment());
        this.tracker = tracker(jira, ids, policy);
        this.engine = new SyncEngine(tracker, new ConfluenceWiki(confluence, space, ids.parentPageId()), new Checker(templates, policy, clock),
                new RemediationPlanner(policy), PostMortemRenderer.withBuiltInTemplates(),
                new SyncEngine.Settings(jiraHttp.baseUrl().toString(), appLinkName, appLinkId, List.of("postmortem")), clock);
    }

    /** Remediation tickets are Tasks, linked from their post-mortem with the provisioned "is remediated by" link. */
    static JiraTracker tracker(JiraClient jira, ProvisionedIds ids, SloPolicy policy) {
        return new JiraTracker(jira, ids, policy.actionClasses(), "Task", "is remediated by");
    }

    static ProvisionedIds readIds(Path file) {
        try {
            return new ObjectMapper().readValue(Files.readString(file), ProvisionedIds.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + "): run 'hindsight provision' first; it writes that file");
        }
    }
}
