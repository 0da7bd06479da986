package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code hindsight render FILE --to FORMAT} prints what a post-mortem becomes. */
public class RenderCommandTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private static final String EXAMPLE = Path.of("..", "examples", "replication-lag.md").toString();

    @Test
    public void everyFormatPrintsToStandardOutput() throws Exception {
        // the example once published as PM-12 (the shipped file names no issue): its page links the issue
        Path published = dir.getRoot().toPath().resolve("lag.md");
        java.nio.file.Files.writeString(published, io.hindsight.core.markdown.FrontMatterKey.set(java.nio.file.Files.readString(Path.of(EXAMPLE)), "PM-12"));
        LintCommandTest.Run confluence = LintCommandTest.run("render", published.toString(), "--to", "confluence", "--jira-url", "https://jira.example.com");
        assertEquals(confluence.err(), 0, confluence.exit());
        assertTrue(confluence.out().contains("<ac:structured-macro ac:name=\"jira\""));
        assertTrue(confluence.out().contains("<a href=\"https://jira.example.com/browse/PM-12\">PM-12</a>"));

        LintCommandTest.Run html = LintCommandTest.run("render", EXAMPLE, "--to", "html");
        assertTrue(html.out().startsWith("<!DOCTYPE html>"));

        LintCommandTest.Run wiki = LintCommandTest.run("render", EXAMPLE, "--to", "WIKI");
        assertTrue(wiki.out().contains("h2. Root cause"));

        LintCommandTest.Run adf = LintCommandTest.run("render", EXAMPLE, "--to", "adf");
        assertEquals("doc", new ObjectMapper().readTree(adf.out()).get("type").asText());

        LintCommandTest.Run md = LintCommandTest.run("render", EXAMPLE, "--to", "markdown");
        assertTrue(md.out().contains("- [ ] [priority] Alert on replication lag above 60 s @maria due:2026-12-20 project:OPS"));
    }

    @Test
    public void badFormatOrFileSaysWhatToFix() throws Exception {
        LintCommandTest.Run badFormat = LintCommandTest.run("render", EXAMPLE, "--to", "pdf");
        assertEquals(2, badFormat.exit());
        assertTrue(badFormat.err(), badFormat.err().contains("'pdf' is not a format; use confluence, html, markdown, wiki or adf"));

        LintCommandTest.Run missing = LintCommandTest.run("render", "nope.md", "--to", "html");
        assertEquals(2, missing.exit());
        assertTrue(missing.err(), missing.err().contains("nope.md: no such file"));

        Path template = dir.getRoot().toPath().resolve("t.vm");
        Files.writeString(template, "$view.nope");
        LintCommandTest.Run badTemplate = LintCommandTest.run("render", EXAMPLE, "--to", "confluence", "--page-template", template.toString());
        assertEquals(2, badTemplate.exit());
        assertTrue(badTemplate.err(), badTemplate.err().contains("t.vm"));
    }

    @Test
    public void unreadablePartsAreRenderedAsTextAndMentioned() throws Exception {
        Path pm = dir.getRoot().toPath().resolve("pm.md");
        Files.writeString(pm, "## Action items\n- [ ] [someday] Rewrite everything\n");
        LintCommandTest.Run r = LintCommandTest.run("render", pm.toString(), "--to", "html");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("[someday] Rewrite everything"));
        assertTrue(r.err(), r.err().contains("1 part(s) could not be read and are shown as text; run 'hindsight lint"));
    }
}
