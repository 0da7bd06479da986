package io.hindsight.server.cli;

import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code hindsight lint PM-1}: the post-mortem is read from Jira and checked as the sync checks it. */
public class LintIssueKeyTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    @Test
    public void aPostMortemIssueIsReviewedByKey() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            io.hindsight.server.SandboxSite site = new io.hindsight.server.SandboxSite(sandbox);
            Path idsFile = site.writeIds(dir.getRoot().toPath());
            String blameful = Files.readString(Path.of("..", "examples", "replication-lag.md"))
                    .replace("## Root cause\n\n", "## Root cause\n\nBob caused the outage by carelessly running the import. ");
            String key = site.store.create("PM", new MarkdownReader(SloPolicyLoader.defaults().actionClasses()).read(blameful, "pm.md").postMortem()).key().value();

            LintCommandTest.Run r = lint(key, "--jira-url", sandbox.url().toString(), "--data-center", "--ids-file", idsFile.toString(), "--today", "2026-11-26");

            assertEquals(r.err(), ExitCodes.FINDINGS, r.exit());
            assertTrue(r.out(), r.out().contains(key + ": error blameless.person-as-cause (Root cause)"));
            assertTrue(r.out(), r.out().contains("    > Bob caused"));
        }
    }

    @Test
    public void requestsGoThroughTheProxyNamed() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            io.hindsight.server.SandboxSite site = new io.hindsight.server.SandboxSite(sandbox);
            Path idsFile = site.writeIds(dir.getRoot().toPath());
            String key = site.store.create("PM", new MarkdownReader(SloPolicyLoader.defaults().actionClasses())
                    .read(Files.readString(Path.of("..", "examples", "replication-lag.md")), "pm.md").postMortem()).key().value();
            // jira.invalid cannot resolve: the only way to reach it is the proxy, played here by the sandbox
            LintCommandTest.Run r = lint(key, "--jira-url", "http://jira.invalid", "--proxy", "127.0.0.1:" + sandbox.url().getPort(), "--data-center",
                    "--ids-file", idsFile.toString(), "--today", "2026-11-26");
            assertEquals(r.err(), 0, r.exit());
            assertTrue(r.out(), r.out().contains(key + ": 0 errors"));
            assertEquals(ExitCodes.USAGE, LintCommandTest.run("lint", "PM-1", "--jira-url", "http://jira.invalid", "--proxy", "no-port").exit());
        }
    }

    @Test
    public void anOwnerJiraHasNoUserForIsAFindingUntilTheTeamMapsTheName() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            io.hindsight.server.SandboxSite site = new io.hindsight.server.SandboxSite(sandbox);
            Path idsFile = site.writeIds(dir.getRoot().toPath());
            String md = Files.readString(Path.of("..", "examples", "replication-lag.md")).replace("@lee", "@tomas");
            String key = site.store.create("PM", new MarkdownReader(SloPolicyLoader.defaults().actionClasses()).read(md, "pm.md").postMortem()).key().value();
            String[] args = {key, "--jira-url", sandbox.url().toString(), "--data-center", "--ids-file", idsFile.toString(), "--today", "2026-11-26"};
            LintCommandTest.Run r = lint(args);
            assertTrue(r.out(), r.out().contains(key + ": warning actionability.owner-unknown (Action items): Jira has no user 'tomas' for @tomas (1 action(s))"));
            assertTrue(r.out(), r.out().contains("suggestion: Map the name to a Jira user under 'users:' in hindsight.yaml"));
            assertFalse("maria is a Jira user", r.out().contains("for @maria"));

            Files.writeString(dir.getRoot().toPath().resolve("hindsight.yaml"), "users:\n  tomas: lee\n");
            LintCommandTest.Run mapped = lint(dir.getRoot().toPath(), args);
            assertFalse(mapped.out(), mapped.out().contains("owner-unknown"));
        }
    }

    /** 'hindsight lint KEY ...' in-process, signed in as the sandbox's admin. */
    private static LintCommandTest.Run lint(String... args) {
        return lint(null, args);
    }

    /** @param dir where hindsight.yaml is; null: no file */
    private static LintCommandTest.Run lint(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HindsightCli.commandLine(Map.of(), dir);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        // the token comes from the environment in real use; the test hands the command its environment
        ((LintCommand) cli.getSubcommands().get("lint").getCommand()).site.env = Map.of("HINDSIGHT_JIRA_TOKEN", Sandbox.ADMIN_TOKEN);
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("lint"));
        all.addAll(java.util.List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new LintCommandTest.Run(exit, out.toString(), err.toString());
    }

    @Test
    public void aKeyWithoutAJiraUrlSaysWhatIsMissing() {
        LintCommandTest.Run r = LintCommandTest.run("lint", "PM-404");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("PM-404: --jira-url is required"));
    }
}
