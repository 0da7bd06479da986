package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code hindsight lint} as a user and a CI job call it. */
public class LintCommandTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HindsightCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String example(String name) {
        return Path.of("..", "examples", name).toString();
    }

    @Test
    public void aCleanPostMortemExitsZeroAndSaysSo() {
        Run r = run("lint", example("replication-lag.md"), "--today", "2026-11-26");
        assertEquals(r.err(), 0, r.exit());
        assertTrue(r.out(), r.out().contains("replication-lag.md: 0 errors, 0 warnings, 2 notes; template atlassian"));
    }

    @Test
    public void blameFailsTheRunWithLineRuleAndSuggestion() throws Exception {
        Path f = dir.getRoot().toPath().resolve("pm.md");
        Files.writeString(f, "---\nseverity: SEV3\n---\n## Summary\nBob broke prod.\n");
        Run r = run("lint", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out(), r.out().contains("pm.md:5: error blameless.person-as-cause (Summary): names a person as the cause"));
        assertTrue(r.out(), r.out().contains("    > Bob broke"));
        assertTrue(r.out(), r.out().contains("    suggestion: 'A change broke prod.'"));
    }

    @Test
    public void jsonOutputIsForTools() throws Exception {
        Run r = run("lint", "--format", "json", example("atlassian-handbook.md"), "--today", "2026-11-26");
        assertEquals(0, r.exit());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode file = root.get("files").get(0);
        assertEquals("atlassian", file.get("template").asText());
        assertEquals(3, file.get("warnings").asInt());
        JsonNode vague = null;
        for (JsonNode f : file.get("findings")) if (f.get("rule").asText().equals("actionability.vague")) vague = f;
        assertEquals("actionability", vague.get("family").asText());
        assertEquals("warning", vague.get("level").asText());
        assertEquals(84, vague.get("line").asInt());
        assertEquals("Corrective actions", vague.get("section").asText());
        assertTrue(vague.get("suggestion").asText().contains("Alert when replication lag exceeds"));
        assertEquals("a rule that counts words is sure of itself", 1.0, vague.get("confidence").asDouble(), 0);
        assertEquals(0, root.get("errors").asInt());
    }

    @Test
    public void jsonFindingsSayHowSureTheCheckerIs() throws Exception {
        Path f = dir.getRoot().toPath().resolve("pm.md");
        Files.writeString(f, "---\nseverity: SEV3\n---\n## Summary\nTomasz broke prod.\nPriya's change caused the outage.\n");
        Run r = run("lint", "--format", "json", f.toString());
        assertEquals("the sure finding blocks", 1, r.exit());
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("files").get(0).get("findings");
        JsonNode sure = null, unsure = null;
        for (JsonNode x : findings) {
            if (x.get("line").asInt() == 5) sure = x;
            if (x.get("line").asInt() == 6) unsure = x;
        }
        assertEquals("error", sure.get("level").asText());
        assertTrue(sure.toString(), sure.get("confidence").asDouble() >= 0.8);
        assertEquals("warning", unsure.get("level").asText());
        assertTrue(unsure.toString(), unsure.get("confidence").asDouble() < 0.8 && unsure.get("confidence").asDouble() >= 0.5);
    }

    @Test
    public void unusableInputExitsTwoWithAClearMessage() throws Exception {
        Run missing = run("lint", "no-such-file.md");
        assertEquals(2, missing.exit());
        assertTrue(missing.err(), missing.err().contains("no-such-file.md: no such file"));

        Path policy = dir.getRoot().toPath().resolve("slo.yaml");
        Files.writeString(policy, "classes:\n  priority: {SEV1: whenever}\n");
        Run badPolicy = run("lint", "--policy", policy.toString(), example("replication-lag.md"));
        assertEquals(2, badPolicy.exit());
        assertTrue(badPolicy.err(), badPolicy.err().contains("classes.priority.SEV1: 'whenever' is not a duration"));

        Run badOption = run("lint", "--format", "xml", example("replication-lag.md"));
        assertEquals(2, badOption.exit());
        assertTrue(badOption.err(), badOption.err().contains("--format"));
    }

    @Test
    public void aCustomPolicyChangesTheAllowedActionClasses() throws Exception {
        Path policy = dir.getRoot().toPath().resolve("slo.yaml");
        Files.writeString(policy, "classes:\n  mitigate: {default: 2w}\n  prevent: {default: 8w}\n");
        Path pm = dir.getRoot().toPath().resolve("pm.md");
        Files.writeString(pm, "---\nseverity: SEV4\n---\n## Summary\nx\n## Action items\n- [ ] [prevent] Add a canary @ana\n- [ ] [priority] Add an alert @bo\n");
        Run r = run("lint", "--policy", policy.toString(), pm.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out(), r.out().contains("pm.md:8: error actionability.unreadable (action item): unknown action class [priority]; use one of mitigate, prevent"));
    }

    @Test
    public void inGithubActionsFindingsBecomeAnnotationsOnTheirLines() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("post,mortem", ".md");
        java.nio.file.Files.writeString(f, "---\ntitle: Outage\nseverity: SEV3\n---\n## Summary\n\nThe queue backed up.\n\n## Root cause\n\n"
                + "Bob caused the outage by carelessly running the import.\n\n## Action items\n\n- [ ] Improve monitoring\n");
        Run r = run("lint", f.toString(), "--format", "github", "--today", "2026-11-26");
        assertEquals(ExitCodes.FINDINGS, r.exit());
        String file = f.toString().replace(",", "%2C");
        assertTrue(r.out(), r.out().contains("::error file=" + file + ",line=11,title=blameless.person-as-cause::"));
        assertTrue("the suggestion follows on its own line: " + r.out(), r.out().contains("%0ASuggestion: "));
        for (String line : r.out().split("\n")) assertTrue(line, line.startsWith("::error ") || line.startsWith("::warning ") || line.startsWith("::notice "));
    }

    @Test
    public void aDirectoryIsLintedFileByFile() {
        Run r = run("lint", java.nio.file.Path.of("..", "examples").toString(), "--format", "json", "--today", "2026-11-26");
        assertEquals(r.err(), 0, r.exit());
        assertTrue(r.out(), r.out().contains("atlassian-handbook.md") && r.out().contains("google-sre-shakespeare.md") && r.out().contains("replication-lag.md"));
        assertEquals(ExitCodes.USAGE, run("lint", "no-such-dir/").exit());
    }
}
