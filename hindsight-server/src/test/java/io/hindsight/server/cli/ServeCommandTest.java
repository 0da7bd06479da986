package io.hindsight.server.cli;

import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.server.SandboxSite;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** 'hindsight serve' as wired for production: readiness, the API driving a sync, the web page, metrics, a clean stop. */
public class ServeCommandTest {
    private static final String API_TOKEN = "serve-test-api-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void theServiceComesUpReadySyncsWhatTheApiAsksAndStopsCleanly() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            SandboxSite site = new SandboxSite(sandbox);
            String key = site.store.create("PM", new io.hindsight.core.markdown.MarkdownReader(SandboxSite.POLICY.actionClasses())
                    .read("---\ntitle: Queue backlog\nseverity: SEV3\napproved: 2026-11-20\n---\n## Summary\n\nThe queue backed up.\n\n## Root cause\n\nNo autoscaling.\n\n"
                            + "## Action items\n\n- [ ] [priority] Autoscale consumers on queue age @maria project:OPS\n", "pm.md").postMortem()).key().value();
            Path ids = site.writeIds(dir.getRoot().toPath());

            CommandLine cli = HindsightCli.commandLine();
            cli.parseArgs("serve", "--jira-url", sandbox.url().toString(), "--confluence-url", sandbox.url().toString(), "--data-center", "--space", "OPS",
                    "--ids-file", ids.toString(), "--port", "0", "--data-dir", dir.getRoot().toPath().resolve("data").toString(), "--remind-every", "0");
            ServeCommand serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
            // secrets come from the environment in real use; the test hands the command its own
            serve.site.env = Map.of("HINDSIGHT_JIRA_TOKEN", Sandbox.ADMIN_TOKEN, "HINDSIGHT_CONFLUENCE_TOKEN", Sandbox.ADMIN_TOKEN);
            serve.secrets = new Secrets(Map.of("HINDSIGHT_WEBHOOK_SECRET", "serve-test-webhook-secret", "HINDSIGHT_API_TOKEN", API_TOKEN));

            try (io.hindsight.server.service.HindsightService running = serve.start()) {
                int port = running.port();
                HttpResponse<String> ready = get(port, "/readyz", null);
                for (int i = 0; i < 50 && ready.statusCode() != 200; i++) {
                    Thread.sleep(100);
                    ready = get(port, "/readyz", null);
                }
                assertEquals(ready.body(), 200, ready.statusCode());

                HttpResponse<String> queued = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sync/" + key))
                        .header("Authorization", "Bearer " + API_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(queued.body(), 202, queued.statusCode());
                String status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(queued.body()).get("status").asText();
                String state = "";
                for (int i = 0; i < 100 && !state.equals("done"); i++) {
                    Thread.sleep(100);
                    state = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(port, status, API_TOKEN).body()).get("status").asText();
                }
                assertEquals("the worker ran the job the API queued", "done", state);
                assertEquals(1, SandboxSite.tickets(sandbox).size());

                assertEquals("/login", get(port, "/", null).headers().firstValue("Location").orElse(""));
                assertTrue(get(port, "/metrics", null).body().contains("hindsight_jobs{status=\"done\"} 1"));
            }
        }
    }

    @Test
    public void aJiraThatCannotBeReachedIsSaidPlainly() throws Exception {
        CommandLine cli = HindsightCli.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));
        ServeCommand serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        serve.site.env = Map.of("HINDSIGHT_JIRA_TOKEN", "token-for-nowhere", "HINDSIGHT_CONFLUENCE_TOKEN", "token-for-nowhere");
        serve.secrets = new Secrets(Map.of("HINDSIGHT_WEBHOOK_SECRET", "serve-test-webhook-secret"));
        Path ids = dir.newFile("hindsight-ids.json").toPath();
        java.nio.file.Files.writeString(ids, "{\"issueTypeId\":\"1\",\"fieldIds\":{},\"linkTypeName\":\"Remediation\"}");
        // port 1 on loopback refuses connections: Jira is down
        int exit = cli.execute("serve", "--jira-url", "http://127.0.0.1:1", "--confluence-url", "http://127.0.0.1:1", "--data-center", "--space", "OPS",
                "--ids-file", ids.toString(), "--port", "0", "--data-dir", dir.getRoot().toPath().resolve("data").toString());
        assertEquals(err.toString(), ExitCodes.UNREACHABLE, exit);
        assertTrue(err.toString(), err.toString().startsWith("hindsight serve: cannot start without Jira: "));
        assertTrue("no stack trace for an operator to read: " + err, !err.toString().contains("\tat "));
    }

    @Test
    public void withoutTheWebhookSecretItSaysWhatToSet() {
        org.junit.Assume.assumeTrue("HINDSIGHT_WEBHOOK_SECRET is set in this environment",
                System.getenv("HINDSIGHT_WEBHOOK_SECRET") == null && System.getenv("HINDSIGHT_WEBHOOK_SECRET_FILE") == null);
        LintCommandTest.Run r = LintCommandTest.run("serve", "--space", "OPS", "--jira-url", "http://127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("set HINDSIGHT_WEBHOOK_SECRET (or HINDSIGHT_WEBHOOK_SECRET_FILE naming a file that holds it)"));
    }

    @Test
    public void aTrustedProxyThatIsNoAddressIsAUsageErrorSayingWhatToWrite() {
        CommandLine cli = HindsightCli.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));
        ServeCommand serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        serve.secrets = new Secrets(Map.of("HINDSIGHT_WEBHOOK_SECRET", "serve-test-webhook-secret"));
        int exit = cli.execute("serve", "--jira-url", "http://127.0.0.1:1", "--space", "OPS", "--port", "0", "--trusted-proxy", "10.0.0.0/8,proxy.internal",
                "--data-dir", dir.getRoot().toPath().resolve("data").toString());
        assertEquals(err.toString(), ExitCodes.USAGE, exit);
        assertTrue(err.toString(), err.toString().startsWith("hindsight serve: --trusted-proxy: 'proxy.internal' is not an IP address or CIDR range"));
    }
}
