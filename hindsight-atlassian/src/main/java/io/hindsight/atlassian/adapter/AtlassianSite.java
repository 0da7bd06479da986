package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.agile.AgileClient;
import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceClients;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraClients;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A Jira site (and its Confluence) reached over REST, as hosts see it: the ports' implementations and the
 * few site-level things a service needs (its own account, health probes, provisioning). Hosts build
 * adapters here and never touch the REST clients themselves.
 */
public final class AtlassianSite {
    public enum Flavor { DATA_CENTER, CLOUD }

    /** Where a product is and how to sign in; {@code counter} counts the requests sent. */
    public record Endpoint(URI url, Credentials credentials, HttpSettings settings, RequestCounter counter) {
    }

    private final URI jiraUrl;
    private final AtlassianHttp jiraHttp;
    private final JiraClient jira;
    private final ConfluenceClient confluence;

    private AtlassianSite(URI jiraUrl, AtlassianHttp jiraHttp, JiraClient jira, ConfluenceClient confluence) {
        this.jiraUrl = jiraUrl;
        this.jiraHttp = jiraHttp;
        this.jira = jira;
        this.confluence = confluence;
    }

    /**
     * @param flavor the flavour when known; else Jira's /serverInfo is asked (one request)
     * @param confluence empty for commands that only read Jira
     */
    public static AtlassianSite connect(Endpoint jira, Optional<Endpoint> confluence, Optional<Flavor> flavor) {
        AtlassianHttp jiraHttp = http("Jira", jira);
        Optional<AtlassianHttp> confluenceHttp = confluence.map(c -> http("Confluence", c));
        JiraClient client = flavor.map(f -> JiraClients.forDeployment(jiraHttp, deployment(f))).orElseGet(() -> JiraClients.connect(jiraHttp));
        return new AtlassianSite(jira.url(), jiraHttp, client, confluenceHttp.map(h -> ConfluenceClients.forDeployment(h, client.deployment())).orElse(null));
    }

    /**
     * Pages in Confluence alone, for a host that reaches Jira another way (the Jira app works in-process and
     * reaches Confluence over REST, by Application Link or token).
     */
    public static WikiPages confluencePages(Endpoint confluence, Flavor flavor, String space, String parentPageId) {
        return new ConfluencePages(ConfluenceClients.forDeployment(http("Confluence", confluence), deployment(flavor)), space, parentPageId);
    }

    /**
     * The flavour provisioning recorded in the ids file, if it did: a host that knows it does not ask Jira's
     * /serverInfo on every run.
     */
    public static Optional<Flavor> flavorOf(ProvisionedIds ids) {
        if (ids == null || ids.flavor() == null) return Optional.empty();
        try {
            return Optional.of(Flavor.valueOf(ids.flavor()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AtlassianHttp http(String product, Endpoint e) {
        return AtlassianHttp.create(product, e.url(), e.credentials(), e.settings(), e.counter());
    }

    private static JiraModel.Deployment deployment(Flavor f) {
        return f == Flavor.CLOUD ? JiraModel.Deployment.CLOUD : JiraModel.Deployment.DATA_CENTER;
    }

    public Flavor flavor() {
        return jira.deployment() == JiraModel.Deployment.CLOUD ? Flavor.CLOUD : Flavor.DATA_CENTER;
    }

    public URI jiraUrl() {
        return jiraUrl;
    }

    public PostMortemStore postMortems(ProvisionedIds ids, Set<String> actionClasses) {
        return new JiraPostMortemStore(jira, ids, actionClasses);
    }

    public TicketTracker tickets(ProvisionedIds ids) {
        return new JiraTicketTracker(jira, ids);
    }

    /** Pages in {@code space} under the provisioned parent page. */
    public WikiPages pages(String space, ProvisionedIds ids) {
        return new ConfluencePages(confluence(), space, ids.parentPageId());
    }

    /** The account Hindsight signs in as: its accountId on Cloud, its user name on Data Center (one request). */
    public String ownAccount() {
        return jira.myself().id();
    }

    /** An authenticated read of Jira, so a revoked token shows, not only an unreachable Jira. */
    public Callable<?> jiraProbe() {
        return jira::issueTypes;
    }

    /** A read of the page every post-mortem page goes under, so a moved or restricted parent shows. */
    public Callable<?> confluenceProbe(String parentPageId) {
        return () -> parentPageId == null ? null : confluence().page(parentPageId).orElseThrow(() -> new IllegalStateException(
                "the parent page " + parentPageId + " is gone or hidden from Hindsight; run 'hindsight provision'"));
    }

    /** Provisioning over this site's Jira (platform and Agile on one connection) and Confluence. */
    public Provisioner provisioner() {
        return new Provisioner(jira, new AgileClient(jiraHttp, jira.deployment()), confluence());
    }

    private ConfluenceClient confluence() {
        if (confluence == null) throw new IllegalStateException("this site was connected without Confluence");
        return confluence;
    }
}
