package io.hindsight.server;

import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.server.queue.Worker;
import io.hindsight.server.service.Wiring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A provisioned Data Center sandbox with the use cases wired to it, as 'hindsight serve' wires them to a real site. */
public final class SandboxSite {
    public static final SloPolicy POLICY = SloPolicyLoader.defaults();

    public final RequestCounter counter = new RequestCounter();
    public final AtlassianSite site;
    public final ProvisionedIds ids;
    public final Wiring wiring;
    public final PostMortemStore store;

    public SandboxSite(Sandbox sandbox) {
        Credentials creds = Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN);
        AtlassianSite.Endpoint endpoint = new AtlassianSite.Endpoint(sandbox.url(), creds, HttpSettings.defaults(), counter);
        site = AtlassianSite.connect(endpoint, Optional.of(endpoint), Optional.of(AtlassianSite.Flavor.DATA_CENTER));
        Provisioner provisioner = site.provisioner();
        ids = provisioner.apply(provisioner.plan(ProvisioningSpec.defaults("PM", Schema.TICKET_LABEL, "OPS")));
        wiring = new Wiring(site, ids, "OPS", POLICY, TemplateRegistry.builtIn(), Clock.systemUTC(), null, null);
        store = wiring.store;
    }

    /** The post-mortems as Maria, a Jira user, reaches them: her edits are not Hindsight's own, so they set off syncs. */
    public PostMortemStore asMaria(Sandbox sandbox) {
        AtlassianSite.Endpoint maria = new AtlassianSite.Endpoint(sandbox.url(), Credentials.personalAccessToken(Sandbox.MEMBER_TOKEN), HttpSettings.defaults(),
                new RequestCounter());
        return AtlassianSite.connect(maria, Optional.empty(), Optional.of(AtlassianSite.Flavor.DATA_CENTER)).postMortems(ids, POLICY.actionClasses());
    }

    /** What the service's workers do with a job. */
    public Worker.Sync sync() {
        return key -> wiring.sync.sync(IssueKey.of(key));
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
