package io.hindsight.server.cli;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Where option values come from: command line, then HINDSIGHT_* variables, then hindsight.yaml, then defaults. */
public class ConfigurationSourcesTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private Path yaml(String text) throws Exception {
        Path f = dir.getRoot().toPath().resolve("hindsight.yaml");
        Files.writeString(f, text);
        return f;
    }

    private SyncCommand sync(Map<String, String> env, String... args) {
        CommandLine cli = HindsightCli.commandLine(env, dir.getRoot().toPath());
        cli.parseArgs(args);
        return (SyncCommand) cli.getSubcommands().get("sync").getCommand();
    }

    private static final String SITE = """
            # shared by every command
            jira-url: https://jira.example.com
            confluence-url: https://wiki.example.com
            space: OPS
            sync:
              space: SRE
            serve:
              port: 9090
            """;

    @Test
    public void theFileSetsWhatTheCommandLineLeavesOut() throws Exception {
        yaml(SITE);
        SyncCommand s = sync(Map.of(), "sync", "PM-1");
        assertEquals(URI.create("https://jira.example.com"), s.site.jiraUrl);
        assertEquals("a command's own section wins over the top of the file", "SRE", s.engine.space);
        assertEquals("built-in defaults stay for what nobody set", Path.of("hindsight-ids.json"), s.engine.ids.file);
        CommandLine cli = HindsightCli.commandLine(Map.of(), dir.getRoot().toPath());
        cli.parseArgs("serve");
        assertEquals(9090, ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).port);
    }

    @Test
    public void theEnvironmentWinsOverTheFileAndTheCommandLineOverBoth() throws Exception {
        yaml(SITE);
        Map<String, String> env = Map.of("HINDSIGHT_JIRA_URL", "https://jira.staging.example.com", "HINDSIGHT_SPACE", "STAGE");
        SyncCommand s = sync(env, "sync", "PM-1");
        assertEquals(URI.create("https://jira.staging.example.com"), s.site.jiraUrl);
        assertEquals("STAGE", s.engine.space);
        assertEquals("DEV", sync(env, "sync", "PM-1", "--space", "DEV").engine.space);
    }

    @Test
    public void hindsightConfigNamesAFileElsewhere() throws Exception {
        Path f = dir.newFile("site.yaml").toPath();
        Files.writeString(f, "space: FROM-ELSEWHERE\njira-url: https://j.example.com\n");
        yaml(SITE);
        assertEquals("FROM-ELSEWHERE", sync(Map.of("HINDSIGHT_CONFIG", f.toString()), "sync", "PM-1").engine.space);
        try {
            sync(Map.of("HINDSIGHT_CONFIG", dir.getRoot().toPath().resolve("missing.yaml").toString()), "sync", "PM-1");
            fail("a missing file was taken");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("missing.yaml, which is not a file"));
        }
    }

    private String problem(String text) throws Exception {
        Path f = yaml(text);
        try {
            HindsightCli.commandLine(Map.of(), dir.getRoot().toPath());
            fail("taken: " + text);
            return null;
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(f + ":"));
            return e.getMessage().substring(f.toString().length() + 1);
        }
    }

    @Test
    public void mistakesInTheFileAreNamedWithTheirLine() throws Exception {
        String typo = problem("jira-url: https://jira.example.com\nspcae: OPS\n");
        assertTrue(typo, typo.startsWith("2: unknown option 'spcae'"));
        assertTrue("the message lists what is allowed: " + typo, typo.contains("space"));
        String section = problem("serve:\n  port: 9090\n  prot: 1\n");
        assertTrue(section, section.startsWith("3: unknown option 'prot' for 'serve'"));
        String command = problem("srve:\n  port: 9090\n");
        assertTrue(command, command.startsWith("1: 'srve' is not a command"));
        String secret = problem("jira-url: https://jira.example.com\njira-token: abc\n");
        assertTrue(secret, secret.startsWith("2: 'jira-token' looks like a secret") && secret.contains("HINDSIGHT_JIRA_TOKEN_FILE"));
        String list = problem("space:\n  - OPS\n  - SRE\n");
        assertTrue(list, list.startsWith("1: 'space' needs a single value"));
    }

    @Test
    public void secretsComeFromTheEnvironmentOrAFileItNames() throws Exception {
        Path token = dir.newFile("jira-token").toPath();
        Files.writeString(token, "pat-from-a-mounted-secret\n");
        Secrets secrets = new Secrets(Map.of("HINDSIGHT_JIRA_TOKEN_FILE", token.toString(), "HINDSIGHT_API_TOKEN", "direct"));
        assertEquals("pat-from-a-mounted-secret", secrets.get("HINDSIGHT_JIRA_TOKEN").orElseThrow());
        assertEquals("direct", secrets.get("HINDSIGHT_API_TOKEN").orElseThrow());
        assertTrue(secrets.get("HINDSIGHT_WEBHOOK_SECRET").isEmpty());
        try {
            new Secrets(Map.of("HINDSIGHT_JIRA_TOKEN_FILE", "/nonexistent/jira-token")).get("HINDSIGHT_JIRA_TOKEN");
            fail("an unreadable secret file was taken");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("HINDSIGHT_JIRA_TOKEN_FILE names /nonexistent/jira-token, which cannot be read"));
        }
    }

    @Test
    public void theUsersMapSaysWhichJiraUserAnActionsOwnerIs() throws Exception {
        yaml(SITE + "users:\n  tomas: tkowalski\n  \"@ana\": ana.lima@example.com\n");
        SyncCommand s = sync(Map.of(), "sync", "PM-1");
        assertEquals(Map.of("tomas", "tkowalski", "ana", "ana.lima@example.com"), s.engine.users());
        assertEquals("options are read as before", "SRE", s.engine.space);
    }

    @Test
    public void aUsersEntryThatIsNotOneJiraUserIsAnErrorOnItsLine() throws Exception {
        Map<String, String> bad = Map.of(
                "space: OPS\nusers:\n  tomas: [a, b]\n", "hindsight.yaml:3: 'users.tomas' needs one Jira user (a user name on Data Center, an e-mail or account id on Cloud), not a list",
                "space: OPS\nusers:\n  tomas:\n", "hindsight.yaml:3: 'users.tomas' needs one Jira user",
                "users: tomas\n", "hindsight.yaml:1: 'users' maps the handles action items name to Jira users",
                "users:\n  tomas: a\n  tomas: b\n", "hindsight.yaml:3: 'users.tomas' is given twice",
                "users:\n  \"to mas\": a\n", "hindsight.yaml:2: 'to mas' is not a handle");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            yaml(b.getKey());
            try {
                sync(Map.of(), "sync", "PM-1");
                fail("taken: " + b.getKey());
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(b.getValue()));
            }
        }
    }
}
