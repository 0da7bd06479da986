package io.hindsight.server.cli;

import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.server.SandboxSite;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Importing a folder of post-mortems: each becomes an issue once, however often the import runs. */
public class PublishImportTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private SandboxSite site;

    private long postMortems(Sandbox sandbox) {
        synchronized (sandbox.jira()) {
            return sandbox.jira().issuesByKey.values().stream().filter((JiraState.Issue i) -> i.issueTypeId.equals(site.ids.issueTypeId())).count();
        }
    }

    @Test
    public void aFolderIsImportedOnceWithKeysWrittenBackAndBrokenFilesRefused() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            site = new SandboxSite(sandbox);
            Path ids = site.writeIds(dir.getRoot().toPath());
            Path folder = dir.newFolder("postmortems").toPath();
            // the handbook example files its actions under MAIL, a project this site does not have
            Files.writeString(folder.resolve("2026-10-14-email.md"), Files.readString(Path.of("..", "examples", "atlassian-handbook.md")).replace("project:MAIL", "project:OPS"));
            Files.writeString(folder.resolve("2026-11-02-lag.md"), Files.readString(Path.of("..", "examples", "replication-lag.md")).replaceAll("(?m)^key:.*\\n", ""));
            Files.writeString(folder.resolve("2026-11-20-broken.md"), "---\ntitle: Broken\nseverity: SEV2\n---\n## Root cause\n\nBob caused the outage by carelessly running the import.\n");
            Files.writeString(folder.resolve("2026-11-24-typo.md"), Files.readString(folder.resolve("2026-11-02-lag.md")).replace("project:DB", "project:NOPE")
                    .replace("title: Checkout outage", "title: Search outage"));
            Files.writeString(folder.resolve("notes.txt"), "not a post-mortem");

            SiteRun.Result first = SiteRun.run(sandbox, ids, "publish", folder.toString(), "--write-keys");
            assertEquals("partly done: " + first.err(), ExitCodes.PARTIAL, first.exit());
            assertTrue(first.out(), first.out().contains("2 of 4 post-mortems published; 2 not"));
            assertTrue("an unknown project is named, with what to check: " + first.err(),
                    first.err().contains("under project 'NOPE': check that the project exists and that Hindsight's account may create issues in it"));
            assertTrue(first.err(), first.err().matches("(?s).*2026-11-20-broken\\.md has [0-9]+ error\\(s\\); nothing was published.*"));
            assertTrue(first.err(), first.err().contains("[3/4] " + folder.resolve("2026-11-20-broken.md") + ": refused; about"));
            assertEquals("the typo's issue exists; its tickets wait for the fix", 3, postMortems(sandbox));
            String email = Files.readString(folder.resolve("2026-10-14-email.md"));
            assertTrue(email, email.startsWith("---\nkey: PM-"));
            assertTrue("the broken file is left as it was", !Files.readString(folder.resolve("2026-11-20-broken.md")).contains("key:"));

            SiteRun.Result again = SiteRun.run(sandbox, ids, "publish", folder.toString(), "--write-keys");
            assertEquals("publishing again updates, never duplicates", 3, postMortems(sandbox));
            assertTrue(again.err(), again.err().contains(", updated"));
            assertTrue(again.out(), !again.out().contains("created PM-"));
        }
    }
}
