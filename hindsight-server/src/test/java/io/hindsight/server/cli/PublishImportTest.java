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
            Files.writeString(folder.resolve("2026-11-02-lag.md"), Files.readString(Path.of("..", "examples", "replication-lag.md")));
            Files.writeString(folder.resolve("2026-11-20-broken.md"), "---\ntitle: Broken\nseverity: SEV2\n---\n## Root cause\n\nBob caused the outage by carelessly running the import.\n");
            Files.writeString(folder.resolve("2026-11-24-typo.md"), Files.readString(folder.resolve("2026-11-02-lag.md")).replace("project:DB", "project:NOPE")
                    .replace("title: Checkout outage", "title: Search outage"));
            Files.writeString(folder.resolve("notes.txt"), "not a post-mortem");

            SiteRun.Result first = SiteRun.run(sandbox, ids, "publish", folder.toString(), "--write-keys");
            assertEquals("partly done: " + first.err(), ExitCodes.PARTIAL, first.exit());
            assertTrue(first.out() + first.err(), first.out().contains("2 of 4 post-mortems published; 2 not"));
            String typo = Files.readString(folder.resolve("2026-11-24-typo.md"));
            int line = typo.lines().toList().indexOf(typo.lines().filter(l -> l.contains("project:NOPE")).findFirst().orElseThrow()) + 1;
            assertTrue("an unknown project is named with its file and line, and what to change: " + first.err(),
                    first.err().contains(folder.resolve("2026-11-24-typo.md") + ":" + line + ": action '")
                            && first.err().contains("project NOPE does not exist in Jira, or Hindsight's account cannot see it: change project:NOPE"));
            assertTrue(first.err(), first.err().matches("(?s).*2026-11-20-broken\\.md has [0-9]+ error\\(s\\); nothing was published.*"));
            assertTrue(first.err(), first.err().contains("[3/4] " + folder.resolve("2026-11-20-broken.md") + ": refused; about"));
            assertEquals("nothing of the typo was written: no issue waits without its tickets", 2, postMortems(sandbox));
            assertTrue("the typo is left as it was", !Files.readString(folder.resolve("2026-11-24-typo.md")).contains("key:"));
            String email = Files.readString(folder.resolve("2026-10-14-email.md"));
            assertTrue(email, email.startsWith("---\nkey: PM-"));
            assertTrue("the broken file is left as it was", !Files.readString(folder.resolve("2026-11-20-broken.md")).contains("key:"));

            SiteRun.Result again = SiteRun.run(sandbox, ids, "publish", folder.toString(), "--write-keys");
            assertEquals("publishing again updates, never duplicates", 2, postMortems(sandbox));
            assertTrue(again.err(), again.err().contains(", updated"));
            assertTrue(again.out(), !again.out().contains("created PM-"));
            assertTrue("the unchanged files wrote nothing: " + again.out(), again.out().contains("already in step, nothing written"));
        }
    }

    @Test
    public void aFileWhoseKeyNamesATicketIsRefusedAndTheTicketLeftAsItWas() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            site = new SandboxSite(sandbox);
            Path ids = site.writeIds(dir.getRoot().toPath());
            Path first = dir.getRoot().toPath().resolve("lag.md");
            Files.writeString(first, Files.readString(Path.of("..", "examples", "replication-lag.md")));
            assertEquals(0, SiteRun.run(sandbox, ids, "publish", first.toString()).exit());
            String ticket;
            String summary;
            synchronized (sandbox.jira()) {
                JiraState.Issue t = sandbox.jira().issuesByKey.values().stream().filter(i -> i.projectKey.equals("OPS")).findFirst().orElseThrow();
                ticket = t.key;
                summary = t.text("summary");
            }
            // a copy of another site's post-mortem, whose key here names a remediation ticket
            Path copy = dir.getRoot().toPath().resolve("copy.md");
            Files.writeString(copy, io.hindsight.core.markdown.FrontMatterKey.set(Files.readString(first), ticket));
            SiteRun.Result r = SiteRun.run(sandbox, ids, "publish", copy.toString());
            assertEquals(r.err(), ExitCodes.FINDINGS, r.exit());
            assertTrue(r.err(), r.err().contains(copy + ": its 'key: " + ticket + "' names an issue that is not a post-mortem"));
            synchronized (sandbox.jira()) {
                assertEquals("the ticket keeps its summary", summary, sandbox.jira().issuesByKey.get(ticket).text("summary"));
            }
            assertEquals(1, postMortems(sandbox));
        }
    }

    @Test
    public void aFirstPublishOfFiftyActionsTakesSixRequestsAndPublishingItAgainWritesNothing() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            site = new SandboxSite(sandbox);
            Path ids = site.writeIds(dir.getRoot().toPath());
            Path file = dir.getRoot().toPath().resolve("lag.md");
            StringBuilder md = new StringBuilder("---\ntitle: Checkout outage\nseverity: SEV3\napproved: 2026-11-20\n---\n## Summary\n\nReads went to a lagging replica.\n\n"
                    + "## Root cause\n\nReads were routed to replicas without a check of their lag.\n\n## Action items\n\n");
            String[] owners = {"maria", "kenji", "priya", "lee", "dana", "alice"};
            for (int i = 0; i < 50; i++) md.append("- [ ] Add replica lag guard number ").append(i).append(" to the read path @").append(owners[i % 6]).append(" project:OPS\n");
            Files.writeString(file, md.toString());
            // no --data-center: the flavour comes from the ids file 'provision' wrote, so Jira is not asked
            SiteRun.Result first = SiteRun.run(false, sandbox, ids, "publish", file.toString(), "--write-keys", "--stats");
            assertEquals(first.err(), 0, first.exit());
            assertTrue(first.out(), first.out().contains("created 50 ticket(s)"));
            assertTrue("6 requests in all: " + first.out(), first.out().strip().endsWith("requests: 6 reads: 1 writes: 5"));

            SiteRun.Result again = SiteRun.run(false, sandbox, ids, "publish", file.toString(), "--stats");
            assertEquals(again.err(), 0, again.exit());
            assertTrue(again.out(), again.out().contains("already in step, nothing written"));
            assertTrue("the issue, its project, its tickets read; nothing written: " + again.out(), again.out().strip().endsWith("requests: 3 reads: 3 writes: 0"));
        }
    }
}
