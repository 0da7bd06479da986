package io.hindsight.server.cli;

import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Map;

/**
 * Where Jira and Confluence are and how to sign in. Secrets come only from the environment or files it
 * names ({@link Secrets}), never from the command line (where other users and shell history would see them):
 * {@code HINDSIGHT_JIRA_TOKEN} (Data Center personal access token) or {@code HINDSIGHT_JIRA_EMAIL} with
 * {@code HINDSIGHT_JIRA_API_TOKEN} (Cloud); likewise {@code HINDSIGHT_CONFLUENCE_*}.
 */
final class SiteOptions {
    @Option(names = "--jira-url", paramLabel = "URL", description = "Jira's base URL, e.g. https://jira.example.com or https://example.atlassian.net")
    URI jiraUrl;

    @Option(names = "--confluence-url", paramLabel = "URL", description = "Confluence's base URL, e.g. https://wiki.example.com or https://example.atlassian.net "
            + "(needed by the commands that write pages)")
    URI confluenceUrl;

    @Option(names = "--cloud", description = "Jira and Confluence Cloud; saves asking Jira which it is")
    boolean cloud;

    @Option(names = "--data-center", description = "Jira and Confluence Data Center; saves asking Jira which it is")
    boolean dataCenter;

    /** The flavour the user named, if any; otherwise Jira's /serverInfo is asked. */
    java.util.Optional<AtlassianSite.Flavor> flavor() {
        if (cloud) return java.util.Optional.of(AtlassianSite.Flavor.CLOUD);
        if (dataCenter) return java.util.Optional.of(AtlassianSite.Flavor.DATA_CENTER);
        return java.util.Optional.empty();
    }

    @Option(names = "--proxy", paramLabel = "HOST:PORT", description = "An HTTP proxy for the requests to Jira and Confluence.")
    String proxy;

    Map<String, String> env = System.getenv();

    private HttpSettings http() {
        if (proxy == null || proxy.isBlank()) return HttpSettings.defaults();
        int colon = proxy.lastIndexOf(':');
        int port = -1;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(proxy.substring(colon + 1));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (colon <= 0 || port < 1 || port > 65535) throw new IllegalArgumentException("--proxy wants HOST:PORT, e.g. proxy.example.com:3128, not '" + proxy + "'");
        return HttpSettings.defaults().withProxy(java.net.InetSocketAddress.createUnresolved(proxy.substring(0, colon), port));
    }

    AtlassianSite.Endpoint jira(RequestCounter counter) {
        if (jiraUrl == null) throw new IllegalArgumentException("--jira-url is required: this command reads Jira");
        return new AtlassianSite.Endpoint(jiraUrl, credentials("JIRA"), http(), counter);
    }

    AtlassianSite.Endpoint confluence(RequestCounter counter) {
        if (confluenceUrl == null) throw new IllegalArgumentException("--confluence-url is required: this command writes Confluence pages");
        return new AtlassianSite.Endpoint(confluenceUrl, credentials("CONFLUENCE"), http(), counter);
    }

    /** Jira only, of the flavour named or the one Jira's /serverInfo reports. */
    AtlassianSite jiraSite(RequestCounter counter) {
        return AtlassianSite.connect(jira(counter), java.util.Optional.empty(), flavor());
    }

    /** Jira and Confluence; both URLs are checked before anything is sent. */
    AtlassianSite site(RequestCounter counter) {
        return site(counter, java.util.Optional.empty());
    }

    /** @param known the flavour recorded by provisioning, used when no flag names one (no /serverInfo request then) */
    AtlassianSite site(RequestCounter counter, java.util.Optional<AtlassianSite.Flavor> known) {
        AtlassianSite.Endpoint j = jira(counter);
        AtlassianSite.Endpoint c = confluence(counter);
        return AtlassianSite.connect(j, java.util.Optional.of(c), flavor().or(() -> known));
    }

    Credentials credentials(String product) {
        Secrets secrets = new Secrets(env);
        java.util.Optional<String> token = secrets.get("HINDSIGHT_" + product + "_TOKEN");
        java.util.Optional<String> email = java.util.Optional.ofNullable(env.get("HINDSIGHT_" + product + "_EMAIL"));
        java.util.Optional<String> apiToken = secrets.get("HINDSIGHT_" + product + "_API_TOKEN");
        if (email.isPresent() && apiToken.isPresent()) return Credentials.emailAndApiToken(email.get(), apiToken.get());
        if (token.isPresent()) return Credentials.personalAccessToken(token.get());
        throw new IllegalArgumentException("no credentials for " + product.charAt(0) + product.substring(1).toLowerCase()
                + ": set " + Secrets.howToSet("HINDSIGHT_" + product + "_TOKEN") + " for a Data Center personal access token, or HINDSIGHT_" + product
                + "_EMAIL and " + Secrets.howToSet("HINDSIGHT_" + product + "_API_TOKEN") + " for Cloud");
    }
}
