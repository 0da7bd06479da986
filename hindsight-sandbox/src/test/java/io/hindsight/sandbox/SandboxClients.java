package io.hindsight.sandbox;

import io.hindsight.sandbox.site.Flavor;
import com.atlassian.oai.validator.report.ValidationReport;
import io.hindsight.atlassian.agile.AgileClient;
import io.hindsight.atlassian.confluence.CloudConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.confluence.DataCenterConfluenceClient;
import io.hindsight.atlassian.contract.AtlassianContracts;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.ApiResponse;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraClients;
import io.hindsight.atlassian.jira.JiraModel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hindsight's real adapters pointed at a sandbox. With {@link #validating()} every request they send
 * and every response the sandbox gives is checked against Atlassian's contracts.
 */
final class SandboxClients {
    final Sandbox sandbox;
    final RequestCounter counter = new RequestCounter();
    final List<String> violations = new ArrayList<>();
    final List<String> checked = new ArrayList<>();
    private boolean validate;

    SandboxClients(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    SandboxClients validating() {
        validate = true;
        return this;
    }

    Credentials credentials() {
        return sandbox.flavor() == Flavor.CLOUD ? Credentials.emailAndApiToken(Sandbox.ADMIN_EMAIL, Sandbox.ADMIN_API_TOKEN)
                : Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN);
    }

    AtlassianHttp http(String product, HttpSettings settings) {
        AtlassianHttp http = AtlassianHttp.create(product, sandbox.url(), credentials(), settings, counter);
        if (validate) http.onExchange(this::check);
        return http;
    }

    AtlassianHttp http(String product) {
        return http(product, HttpSettings.defaults().withRetries(4, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(20)));
    }

    JiraClient jira() {
        return JiraClients.connect(http("Jira"));
    }

    AgileClient agile() {
        return new AgileClient(http("Jira"), sandbox.flavor() == Flavor.CLOUD ? JiraModel.Deployment.CLOUD : JiraModel.Deployment.DATA_CENTER);
    }

    ConfluenceClient confluence() {
        return sandbox.flavor() == Flavor.CLOUD ? new CloudConfluenceClient(http("Confluence")) : new DataCenterConfluenceClient(http("Confluence"));
    }

    /** The contract that describes a path on this flavour. */
    AtlassianContracts contractFor(String path) {
        boolean cloud = sandbox.flavor() == Flavor.CLOUD;
        if (path.startsWith("/wiki/api/v2")) return AtlassianContracts.CONFLUENCE_CLOUD_V2;
        if (path.startsWith("/wiki/rest/api")) return AtlassianContracts.CONFLUENCE_CLOUD_V1;
        if (path.startsWith("/rest/api/content")) return AtlassianContracts.CONFLUENCE_DC;
        if (path.startsWith("/rest/agile")) return cloud ? AtlassianContracts.JIRA_SOFTWARE : AtlassianContracts.JIRA_DC;
        return cloud ? AtlassianContracts.JIRA_CLOUD : AtlassianContracts.JIRA_DC;
    }

    private synchronized void check(ApiRequest request, ApiResponse response) {
        // Cloud serves /rest/api/2/serverInfo too; its v3 document describes the same operation under /rest/api/3
        ApiRequest req = sandbox.flavor() == Flavor.CLOUD && request.path().equals("/rest/api/2/serverInfo")
                ? request.withPath("/rest/api/3/serverInfo") : request;
        AtlassianContracts contract = contractFor(req.path());
        ValidationReport requestReport = contract.validate(req);
        String line = req.method() + " " + req.path() + " -> " + response.status() + " (" + contract.file() + ")";
        checked.add(line);
        requestReport.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> violations.add("request " + line + ": " + m.getKey() + " " + m.getMessage()));
        if (response.status() >= 200 && response.status() < 300 && !response.body().isEmpty()) {
            if (sandbox.flavor() == Flavor.DATA_CENTER && req.method().equals("GET") && req.path().equals("/rest/api/2/project")) {
                // Jira DC's document gives GET /project one ProjectBean, but the API (and its reference page) answer a list
                // of them: each element is checked as the ProjectBean that GET /project/{key} answers
                try {
                    for (com.fasterxml.jackson.databind.JsonNode p : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())) {
                        record(line, contract.validateResponse("GET", "/rest/api/2/project/" + p.path("key").asText(), 200, p.toString()));
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    violations.add("response " + line + ": not JSON: " + e.getMessage());
                }
                return;
            }
            record(line, contract.validateResponse(req.method(), req.path(), response.status(), response.body()));
        }
    }

    private void record(String line, ValidationReport r) {
        r.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> violations.add("response " + line + ": " + m.getKey() + " " + m.getMessage()));
    }
}
