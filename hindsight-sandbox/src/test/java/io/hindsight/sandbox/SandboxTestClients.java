package io.hindsight.sandbox;

import io.hindsight.atlassian.agile.AgileClient;
import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.jira.JiraClient;

/** {@link SandboxClients} for tests in other packages. */
public final class SandboxTestClients {
    private final SandboxClients clients;

    public SandboxTestClients(Sandbox sandbox) {
        this.clients = new SandboxClients(sandbox);
    }

    public JiraClient jira() {
        return clients.jira();
    }

    public AgileClient agile() {
        return clients.agile();
    }

    public ConfluenceClient confluence() {
        return clients.confluence();
    }
}
