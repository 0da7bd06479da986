package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The README's first command, in-process: the whole story against the sandbox, and the working product it leaves behind. */
public class DemoCommandTest {
    @Test
    public void theDemoPublishesChangesAndResyncsThenGoesQuiet() throws Exception {
        // no --file, and run from the module's directory, not the repository's root: the sample ships inside the jar
        LintCommandTest.Run r = LintCommandTest.run("demo", "--port", "0", "--exit", "--today", "2026-11-26");
        assertEquals(r.err(), 0, r.exit());
        assertTrue(r.out(), r.out().contains("3. Published examples/replication-lag.md as PM-1: 4 remediation tickets"));
        assertTrue(r.out(), r.out().matches("(?s).*5\\. Jira's signed webhooks reached 'hindsight serve' \\([0-9]+ deliveries, all \\[202]\\); its worker ran [1-9][0-9]* sync job.*"
                + "now 5 remediation tickets, page updated.*"));
        assertTrue(r.out(), r.out().contains("6. Synced once more with nothing changed: requests: 2 reads: 2 writes: 0"));
        assertTrue(r.out(), r.out().contains("7. Reminder sweep as if two months later: 1 open ticket(s) reminded [DB-1 overdue a week]; a second sweep sent 0"));
        assertTrue(r.out(), r.out().contains("SEV2                1         9m         41m     1h 30m      3      2        0          0"));
        assertTrue(r.out(), r.out().contains("/sandbox/pages/"));
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("report with charts (file:\\S+)").matcher(r.out());
        assertTrue(r.out(), report.find());
        String html = java.nio.file.Files.readString(java.nio.file.Path.of(java.net.URI.create(report.group(1))));
        assertTrue("the report has its charts", html.contains("<svg") && html.contains("Recurring causes"));
    }

    @Test
    public void aFileThatIsNotThereIsSaidPlainly() {
        LintCommandTest.Run r = LintCommandTest.run("demo", "--port", "0", "--exit", "--file", "no-such-post-mortem.md");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("no-such-post-mortem.md: no such file (leave --file out to use the sample that ships with Hindsight)"));
        assertTrue("no stack trace: " + r.err(), !r.err().contains("\tat "));
    }

    private static final String MINE = "---\ntitle: Search index rebuild stalled\nseverity: SEV3\napproved: 2026-11-20\n---\n## Summary\n\n"
            + "Search results were stale for two hours.\n\n## Root cause\n\nThe rebuild job had no timeout.\n\n## Action items\n\n"
            + "- [ ] [priority] Add a timeout to the index rebuild job @%s project:%s\n";

    @Test
    public void theDemoLeavesAWorkingServiceAndWhatPublishNeeds() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = HindsightCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        DemoCommand demo = (DemoCommand) cli.getSubcommands().get("demo").getCommand();
        int[] exit = {-1};
        Thread running = new Thread(() -> exit[0] = cli.execute("demo", "--port", "0", "--today", "2026-11-26"));
        running.start();
        try {
            for (int i = 0; i < 600 && !out.toString().contains("keep running"); i++) Thread.sleep(100);
            String printed = out.toString();
            assertTrue(printed, printed.contains("The sandbox and the service keep running"));

            // the web page's Sync button, the API and webhooks queue jobs: the service the demo leaves runs them
            Matcher page = Pattern.compile("the service's page http://127.0.0.1:([0-9]+)/ \\(sign in with this demo's token ([0-9a-f]+)\\)").matcher(printed);
            assertTrue(printed, page.find());
            Matcher who = Pattern.compile("Owners that exist in the sandbox: @(\\w+) .*; projects for actions: project:(\\w+)").matcher(printed);
            assertTrue(printed, who.find());
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.group(1) + "/api/publish"))
                    .header("Authorization", "Bearer " + page.group(2))
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(MINE, who.group(1), who.group(2)))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(published.body(), 202, published.statusCode());
            String status = new ObjectMapper().readTree(published.body()).path("status").asText();
            String state = "";
            for (int i = 0; i < 200 && !state.equals("done"); i++) {
                Thread.sleep(100);
                state = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + page.group(1) + status))
                        .header("Authorization", "Bearer " + page.group(2)).build(), HttpResponse.BodyHandlers.ofString()).body()).path("status").asText();
            }
            assertEquals("the job the API queued was run by the demo's service", "done", state);

            // the lines it prints are all 'hindsight publish' needs: no ids file to hunt for, no token asked for after a failed run
            Map<String, String> env = new HashMap<>();
            Matcher export = Pattern.compile("(?m)^  export (.+)$").matcher(printed);
            while (export.find()) {
                for (String assignment : export.group(1).split(" ")) env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
            }
            assertTrue(env.toString(), env.containsKey("HINDSIGHT_IDS_FILE") && Files.isRegularFile(Path.of(env.get("HINDSIGHT_IDS_FILE"))));
            Path mine = Files.createTempFile("my-post-mortem", ".md");
            Files.writeString(mine, String.format(MINE, who.group(1), who.group(2)).replace("Search index", "Cache warm-up"));
            StringWriter pubOut = new StringWriter();
            StringWriter pubErr = new StringWriter();
            CommandLine publish = HindsightCli.commandLine(env, null);
            publish.setOut(new PrintWriter(pubOut, true));
            publish.setErr(new PrintWriter(pubErr, true));
            ((PublishCommand) publish.getSubcommands().get("publish").getCommand()).site.env = env;
            int code = publish.execute("publish", mine.toString());
            assertEquals(pubErr.toString(), 0, code);
            assertTrue(pubOut.toString(), pubOut.toString().contains("created PM-"));
        } finally {
            demo.stop.countDown();
            running.join(60_000);
        }
        assertEquals(0, exit[0]);
    }
}
