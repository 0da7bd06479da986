package io.hindsight.core.render;

import io.hindsight.core.Examples;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicyLoader;
import org.junit.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The sample post-mortem in every format, kept as files a reviewer can read
 * ({@code src/test/resources/golden}). After an intended change, regenerate them with
 * {@code HINDSIGHT_UPDATE_GOLDEN=1 mvn test -pl hindsight-core -Dtest=GoldenRenderingTest} and review the diff.
 */
public class GoldenRenderingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static String render(String example, PostMortemRenderer.Format format) {
        // the example as its page shows it once published as PM-12, its ticked-off action's ticket OPS-99 linked by the sync
        PostMortem pm = example.equals("replication-lag.md") ? Examples.asPublished(example, "PM-12").postMortem() : Examples.read(example).postMortem();
        pm = pm.withActionItems(pm.actionItems().stream().map(a -> a.summary().startsWith("Announce bulk imports") ? a.withTicket("OPS-99") : a).toList());
        RemediationPlan plan = new RemediationPlanner(SloPolicyLoader.defaults()).plan(pm, TODAY, null);
        RenderContext ctx = new RenderContext("https://jira.example.com", null, null, null, TODAY,
                Map.of("OPS-99", new RenderContext.TicketStatus("Done", RenderContext.TicketStatus.Category.DONE)));
        return PostMortemRenderer.withBuiltInTemplates().render(format, pm, plan, ctx);
    }

    private static void golden(String example, PostMortemRenderer.Format format, String extension) throws IOException {
        String name = example.replace(".md", "") + "." + extension;
        String actual = render(example, format);
        Path file = GOLDEN.resolve(name);
        if ("1".equals(System.getenv("HINDSIGHT_UPDATE_GOLDEN"))) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertTrue("golden file " + file + " is missing: run with HINDSIGHT_UPDATE_GOLDEN=1", Files.exists(file));
        assertEquals(name, Files.readString(file), actual);
    }

    @Test
    public void confluenceStorage() throws Exception {
        golden("replication-lag.md", PostMortemRenderer.Format.CONFLUENCE, "storage.xml");
        golden("google-sre-shakespeare.md", PostMortemRenderer.Format.CONFLUENCE, "storage.xml");
    }

    @Test
    public void htmlPreview() throws Exception {
        golden("replication-lag.md", PostMortemRenderer.Format.HTML, "html");
    }

    @Test
    public void wikiMarkup() throws Exception {
        golden("replication-lag.md", PostMortemRenderer.Format.WIKI, "wiki");
    }

    @Test
    public void adf() throws Exception {
        golden("replication-lag.md", PostMortemRenderer.Format.ADF, "adf.json");
        assertTrue(AdfSchema.validate(render("replication-lag.md", PostMortemRenderer.Format.ADF)).isEmpty());
        assertTrue(AdfSchema.validate(render("google-sre-shakespeare.md", PostMortemRenderer.Format.ADF)).isEmpty());
    }

    @Test
    public void markdown() throws Exception {
        golden("replication-lag.md", PostMortemRenderer.Format.MARKDOWN, "md");
    }

    @Test
    public void goldenStorageIsWellFormedAndShowsWhatUsersExpect() throws Exception {
        String storage = render("replication-lag.md", PostMortemRenderer.Format.CONFLUENCE);
        AdversarialRenderingTest.parseStorage(storage);
        assertTrue("ticket status from Jira", storage.contains("<ac:parameter ac:name=\"title\">DONE</ac:parameter>"));
        assertTrue("live Jira Issues macro", storage.contains("<ac:parameter ac:name=\"jqlQuery\">issue in linkedIssues(&quot;PM-12&quot;, &quot;is remediated by&quot;)</ac:parameter>"));
        assertTrue("policy due date", storage.contains("<td>2027-01-15</td>"));
        assertTrue("where to edit", storage.contains("Edit the issue; edits made here are replaced on the next sync"));
    }
}
