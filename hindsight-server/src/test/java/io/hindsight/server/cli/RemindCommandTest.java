package io.hindsight.server.cli;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

/** What an admin sees when the reminder command is set up wrong; the sweep itself runs in the demo and in ReminderSweepTest. */
public class RemindCommandTest {
    @Test
    public void withoutCredentialsItSaysWhichVariablesToSet() {
        assumeTrue("HINDSIGHT_JIRA_* is set in this environment", System.getenv("HINDSIGHT_JIRA_TOKEN") == null && System.getenv("HINDSIGHT_JIRA_API_TOKEN") == null);
        LintCommandTest.Run r = LintCommandTest.run("remind", "--jira-url", "http://127.0.0.1:1", "--data-center");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("set HINDSIGHT_JIRA_TOKEN (or HINDSIGHT_JIRA_TOKEN_FILE naming a file that holds it) for a Data Center personal access token, "
                + "or HINDSIGHT_JIRA_EMAIL and HINDSIGHT_JIRA_API_TOKEN (or HINDSIGHT_JIRA_API_TOKEN_FILE naming a file that holds it) for Cloud"));
    }

    @Test
    public void confluenceIsNotNeededToRemind() {
        LintCommandTest.Run r = LintCommandTest.run("remind", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out(), r.out().contains("once per milestone"));
        assertTrue("no required --confluence-url in: " + r.out(), !r.out().contains("--confluence-url=URL") || r.out().contains("[--confluence-url=URL]"));
    }
}
