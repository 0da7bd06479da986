package io.hindsight.atlassian.http;

import org.junit.rules.ExternalResource;

/** A {@link ScriptedServer} per test, and a client of it signed in with a personal access token, counting requests. */
public final class ScriptedSite extends ExternalResource {
    private final String product;
    public ScriptedServer server;
    public final RequestCounter counter = new RequestCounter();

    /** @param product "Jira" or "Confluence", as the client names itself in messages */
    public ScriptedSite(String product) {
        this.product = product;
    }

    @Override
    protected void before() throws Exception {
        server = new ScriptedServer();
    }

    @Override
    protected void after() {
        server.close();
    }

    public AtlassianHttp http() {
        return AtlassianHttp.create(product, server.url(), Credentials.personalAccessToken("t"), HttpSettings.defaults(), counter);
    }
}
