package io.hindsight.server.cli;

import org.junit.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** What a person sees when an option, a site or the credentials are wrong: which one, and what to try; the exit status of its kind. */
public class ErrorsPeopleCanActOnTest {
    private static void noJavaInside(LintCommandTest.Run r) {
        assertFalse("no stack trace: " + r.err(), r.err().contains("\tat "));
        assertFalse("no Java exception names: " + r.err(), r.err().matches("(?s).*java\\.(net|lang|io)\\.[A-Z].*"));
    }

    @Test
    public void aUrlWithoutItsSchemeNamesTheOptionAndWhatToWrite() {
        for (String url : new String[]{"jira.example.com", "localhost:8090", "jira example.com"}) {
            LintCommandTest.Run r = LintCommandTest.run("report", "--jira-url", url);
            assertEquals(r.err(), ExitCodes.USAGE, r.exit());
            assertTrue(r.err(), r.err().contains("--jira-url"));
            assertTrue(r.err(), r.err().contains(url.contains(" ") ? "write it as https://jira.example.com" : "e.g. https://" + url));
            assertFalse("not the whole usage text: " + r.err(), r.err().contains("Usage:"));
            assertTrue(r.err(), r.err().contains("(see 'hindsight report --help')"));
            noJavaInside(r);
        }
    }

    @Test
    public void anUnknownHostIsNotARefusedPortAndNamesTheOptionThatHoldsIt() throws Exception {
        Path ids = Files.createTempFile("ids", ".json");
        Files.writeString(ids, "{\"issueTypeId\":\"1\",\"fieldIds\":{},\"linkTypeName\":\"Remediation\"}");
        Map<String, String> env = Map.of("HINDSIGHT_JIRA_TOKEN", "t", "HINDSIGHT_CONFLUENCE_TOKEN", "t");
        SiteRun.Result unknown = SiteRun.withEnv(env, "report", "--jira-url", "https://jira.no-such-host.invalid", "--ids-file", ids.toString());
        assertEquals(unknown.err(), ExitCodes.UNREACHABLE, unknown.exit());
        assertTrue(unknown.err(), unknown.err().contains("cannot reach Jira at https://jira.no-such-host.invalid: the host name 'jira.no-such-host.invalid' is unknown"));
        assertTrue(unknown.err(), unknown.err().contains("the address comes from --jira-url (or HINDSIGHT_JIRA_URL"));

        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SiteRun.Result refused = SiteRun.withEnv(env, "report", "--jira-url", "http://127.0.0.1:" + port, "--ids-file", ids.toString());
        assertEquals(refused.err(), ExitCodes.UNREACHABLE, refused.exit());
        assertTrue(refused.err(), refused.err().contains("the connection was refused"));
        assertTrue(refused.err(), refused.err().contains("check the port, and that Jira is running"));
        assertFalse(refused.err(), refused.err().contains("ConnectException"));
    }

    @Test
    public void everyMissingSettingIsNamedAtOnceNotOneFailedRunAtATime() {
        SiteRun.Result r = SiteRun.withEnv(Map.of(), "sync", "PM-1", "--space", "OPS");
        assertEquals(r.err(), ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("--jira-url and --confluence-url are required"));
        assertTrue(r.err(), r.err().contains("no credentials for Jira or Confluence: set HINDSIGHT_JIRA_TOKEN"));
        assertTrue(r.err(), r.err().contains("HINDSIGHT_CONFLUENCE_TOKEN"));
        assertTrue(r.err(), r.err().contains("HINDSIGHT_CONFLUENCE_EMAIL with HINDSIGHT_CONFLUENCE_API_TOKEN"));
        assertTrue("the ids file too, in the same run: " + r.err(), r.err().contains("run 'hindsight provision' first"));
    }

    @Test
    public void theReadmesExitStatusTableIsTheOneTheCommandsUse() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Map<Integer, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([0-9]+) \\| ([^|]+) \\|").matcher(readme.substring(readme.indexOf("## Exit status")));
        while (row.find()) documented.put(Integer.parseInt(row.group(1)), row.group(2).strip());
        Map<Integer, String> used = new TreeMap<>();
        for (java.lang.reflect.Field f : ExitCodes.class.getDeclaredFields()) {
            if (f.getType() == int.class) used.put(f.getInt(null), f.getName());
        }
        assertEquals("every exit status the commands use is in the README's table, and no other: " + documented, used.keySet(), documented.keySet());
    }
}
