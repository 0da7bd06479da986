package io.hindsight.server.cli;

import org.junit.Test;

import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The README's first command, in-process: the whole story against the sandbox. */
public class DemoCommandTest {
    @Test
    public void theDemoPublishesChangesAndResyncsThenGoesQuiet() throws Exception {
        LintCommandTest.Run r = LintCommandTest.run("demo", "--port", "0", "--exit", "--file", Path.of("..", "examples", "replication-lag.md").toString(),
                "--today", "2026-11-26");
        assertEquals(r.err(), 0, r.exit());
        assertTrue(r.out(), r.out().contains("3. Published ../examples/replication-lag.md as PM-1: 4 remediation tickets"));
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
}
