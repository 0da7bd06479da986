package io.hindsight.server.cli;

import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.server.SandboxSite;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** A backfill: every post-mortem a query finds is synced, with progress, and one bad post-mortem does not stop the rest. */
public class SyncBackfillTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private static String postMortem(int n, String rootCause) {
        return "---\ntitle: Incident " + n + "\nseverity: SEV3\napproved: 2026-11-20\n---\n## Summary\n\nThe queue backed up.\n\n"
                + "## Root cause\n\n" + rootCause + "\n\n## Action items\n\n"
                + "- [ ] [priority] Alert on queue age for incident " + n + " @maria project:OPS\n";
    }

    @Test
    public void aBackfillSyncsEveryPostMortemAndShowsProgress() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            SandboxSite site = new SandboxSite(sandbox);
            MarkdownReader reader = new MarkdownReader(SandboxSite.POLICY.actionClasses());
            List<String> keys = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                String cause = n == 3 ? "Bob caused the outage by carelessly running the import." : "Consumers had no autoscaling.";
                keys.add(site.store.create("PM", reader.read(postMortem(n, cause), "pm.md").postMortem()).key().value());
            }
            Path ids = site.writeIds(dir.getRoot().toPath());

            SiteRun.Result first = sync(sandbox, ids, "--jql", "project = PM");
            assertEquals("partly done: " + first.err(), ExitCodes.PARTIAL, first.exit());
            assertTrue(first.out(), first.out().contains("4 of 5 post-mortems synced; 1 not"));
            assertTrue(first.out(), first.out().contains(keys.get(2) + ": not synced, the checker found errors"));
            assertTrue(first.err(), first.err().contains("[1/5] " + keys.get(0) + ": synced; about "));
            assertTrue(first.err(), first.err().contains("[3/5] " + keys.get(2) + ": not synced, the checker found errors"));
            assertTrue(first.err(), first.err().contains("[5/5] " + keys.get(4) + ": synced; done in "));
            assertEquals("one ticket per good post-mortem", 4, SandboxSite.tickets(sandbox).size());

            SiteRun.Result again = sync(sandbox, ids, "--jql", "project = PM");
            assertEquals(4, again.out().split("already in step", -1).length - 1);
            assertEquals(4, SandboxSite.tickets(sandbox).size());

            SiteRun.Result some = sync(sandbox, ids, keys.get(0), keys.get(1));
            assertEquals(some.err(), 0, some.exit());
            assertTrue(some.out(), some.out().contains("2 of 2 post-mortems synced"));
        }
    }

    @Test
    public void withoutKeysOrAQueryItSaysWhatToGive() {
        LintCommandTest.Run r = LintCommandTest.run("sync", "--space", "OPS");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("name post-mortem keys (PM-12) or a --jql query"));
    }

    private static SiteRun.Result sync(Sandbox sandbox, Path ids, String... args) {
        return SiteRun.run(sandbox, ids, "sync", args);
    }
}
