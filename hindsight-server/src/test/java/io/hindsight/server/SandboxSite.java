package io.hindsight.server;

import io.hindsight.atlassian.agile.AgileClient;
import io.hindsight.atlassian.confluence.DataCenterConfluenceClient;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraClients;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.atlassian.sync.ConfluenceWiki;
import io.hindsight.atlassian.sync.JiraTracker;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.sync.SyncEngine;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.JiraState;

import java.time.Clock;
import java.util.List;

/** A provisioned Data Center sandbox with the engine wired to it, as 'hindsight serve' wires it to a real site. */
public final class SandboxSite {
    public static final SloPolicy POLICY = SloPolicyLoader.defaults();

    public final RequestCounter counter = new RequestCounter();
    public final JiraClient jira;
    public final JiraTracker tracker;
    public final ProvisionedIds ids;
    public final SyncEngine engine;
    public final Checker checker = new Checker(TemplateRegistry.builtIn(), POLICY, Clock.systemUTC());

    public SandboxSite(Sandbox sandbox) {
        Credentials creds = Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN);
        AtlassianHttp http = AtlassianHttp.create("Jira", sandbox.url(), creds, HttpSettings.defaults(), counter);
        jira = JiraClients.forDeployment(http, JiraModel.Deployment.DATA_CENTER);
        DataCenterConfluenceClient confluence = new DataCenterConfluenceClient(AtlassianHttp.create("Confluence", sandbox.url(), creds, HttpSettings.defaults(), counter));
        Provisioner provisioner = new Provisioner(jira, new AgileClient(http, JiraModel.Deployment.DATA_CENTER), confluence);
        ids = provisioner.apply(provisioner.plan(ProvisioningSpec.defaults("PM", "postmortem-action", "OPS")));
        tracker = new JiraTracker(jira, ids, POLICY.actionClasses(), "Task", "is remediated by");
        engine = new SyncEngine(tracker, new ConfluenceWiki(confluence, "OPS", ids.parentPageId()), checker, new RemediationPlanner(POLICY),
                PostMortemRenderer.withBuiltInTemplates(), new SyncEngine.Settings(sandbox.url().toString(), null, null, List.of("postmortem")), Clock.systemUTC());
    }

    /** Writes hindsight-ids.json, as 'hindsight provision' does, for commands run in-process. */
    public java.nio.file.Path writeIds(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("hindsight-ids.json");
        java.nio.file.Files.writeString(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ids));
        return file;
    }

    /** The remediation tickets in the sandbox's OPS project. */
    public static List<JiraState.Issue> tickets(Sandbox sandbox) {
        synchronized (sandbox.jira()) {
            return sandbox.jira().issuesByKey.values().stream().filter(i -> i.projectKey.equals("OPS")).toList();
        }
    }
}
