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
    @Option(names = "--jira-url", paramLabel = "URL", converter = SiteUrl.class,
            description = "Jira's base URL, e.g. https://jira.example.com or https://example.atlassian.net")
    URI jiraUrl;

    @Option(names = "--confluence-url", paramLabel = "URL", converter = SiteUrl.class,
            description = "Confluence's base URL, e.g. https://wiki.example.com or https://example.atlassian.net (needed by the commands that write pages)")
    URI confluenceUrl;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for Jira or Confluence to answer one request before giving up on it (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    /** A site's base URL: absolute, http or https, with a host. A URL without its scheme is the usual slip. */
    static final class SiteUrl implements picocli.CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            String v = value.strip();
            URI uri;
            try {
                uri = new URI(v);
            } catch (java.net.URISyntaxException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1)
                        + "): write it as https://jira.example.com");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                // "jira.example.com" has no scheme; "jira.example.com:8080" reads as the scheme "jira.example.com"
                String bare = v.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a web address Hindsight can call: write it with its scheme, "
                        + "e.g. https://" + bare + " (or http:// for a site without TLS)");
            }
            return uri;
        }
    }

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
        if (requestTimeoutSeconds < 1) throw new IllegalArgumentException("--request-timeout wants a number of seconds of 1 or more, not " + requestTimeoutSeconds);
        HttpSettings settings = HttpSettings.defaults().withTimeouts(HttpSettings.defaults().connectTimeout(), java.time.Duration.ofSeconds(requestTimeoutSeconds));
        if (proxy == null || proxy.isBlank()) return settings;
        int colon = proxy.lastIndexOf(':');
        int port = -1;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(proxy.substring(colon + 1));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (colon <= 0 || port < 1 || port > 65535) throw new IllegalArgumentException("--proxy wants HOST:PORT, e.g. proxy.example.com:3128, not '" + proxy + "'");
        return settings.withProxy(java.net.InetSocketAddress.createUnresolved(proxy.substring(0, colon), port));
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
        java.util.List<String> problems = problems(false);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return AtlassianSite.connect(jira(counter), java.util.Optional.empty(), flavor());
    }

    /**
     * What keeps this command from reaching Jira (and Confluence, when it writes pages), all of it at once rather
     * than one failed run at a time: the URLs, and the credentials of each product. Empty when nothing is missing.
     */
    java.util.List<String> problems(boolean confluenceToo) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (jiraUrl == null) missing.add("--jira-url");
        if (confluenceToo && confluenceUrl == null) missing.add("--confluence-url");
        java.util.List<String> products = new java.util.ArrayList<>();
        String onlyOne = null;
        for (String product : confluenceToo ? new String[]{"JIRA", "CONFLUENCE"} : new String[]{"JIRA"}) {
            try {
                credentials(product);
            } catch (IllegalArgumentException e) {
                // a _FILE that cannot be read says so itself
                if (!e.getMessage().startsWith("no credentials")) throw e;
                products.add(product);
                onlyOne = e.getMessage();
            }
        }
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is") + " required (this command "
                    + (confluenceToo ? "reads Jira and writes Confluence pages)" : "reads Jira)"));
        }
        if (products.size() == 1) {
            problems.add(onlyOne);
        } else if (!products.isEmpty()) {
            problems.add("no credentials for " + String.join(" or ", products.stream().map(SiteOptions::title).toList()) + ": set "
                    + String.join(" and ", products.stream().map(p -> Secrets.howToSet("HINDSIGHT_" + p + "_TOKEN")).toList())
                    + " (Data Center personal access tokens), or " + String.join(" and ", products.stream().map(p -> "HINDSIGHT_" + p + "_EMAIL with "
                    + Secrets.howToSet("HINDSIGHT_" + p + "_API_TOKEN")).toList()) + " (Cloud)");
        }
        return problems;
    }

    /** Jira and Confluence; everything missing is named before anything is sent. */
    AtlassianSite site(RequestCounter counter) {
        return site(counter, java.util.Optional.empty());
    }

    /** @param known the flavour recorded by provisioning, used when no flag names one (no /serverInfo request then) */
    AtlassianSite site(RequestCounter counter, java.util.Optional<AtlassianSite.Flavor> known) {
        java.util.List<String> problems = problems(true);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        AtlassianSite.Endpoint j = jira(counter);
        AtlassianSite.Endpoint c = confluence(counter);
        return AtlassianSite.connect(j, java.util.Optional.of(c), flavor().or(() -> known));
    }

    private static String title(String product) {
        return product.charAt(0) + product.substring(1).toLowerCase(java.util.Locale.ROOT);
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
