package io.hindsight.server.cli;

import io.hindsight.server.queue.Databases;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** An operator reads the dead-letter list and replays a job once Jira is fixed. */
public class JobsCommandTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    @Test
    public void deadJobsAreListedWithTheirErrorAndCanBeReplayed() throws Exception {
        Path data = dir.getRoot().toPath();
        JobQueue queue = new JobQueue(Databases.open(null, data), Clock.systemUTC(), 1);
        queue.accept("d-1", "jira:issue_updated", "PM-7", "PM-7");
        Job job = queue.claim("w").orElseThrow();
        assertEquals(Job.Status.DEAD, queue.failed(job.id(), job.attempts(), "Jira answered 403: the service account cannot edit PM-7"));

        LintCommandTest.Run list = LintCommandTest.run("jobs", "--data-dir", data.toString());
        assertEquals(list.err(), 0, list.exit());
        assertTrue(list.out(), list.out().contains("1 dead"));
        assertTrue(list.out(), list.out().contains("job " + job.id() + "  PM-7  dead, 1 attempt(s)"));
        assertTrue(list.out(), list.out().contains("last error: Jira answered 403: the service account cannot edit PM-7"));
        assertTrue(list.out(), list.out().contains("hindsight jobs --replay " + job.id()));

        LintCommandTest.Run replay = LintCommandTest.run("jobs", "--data-dir", data.toString(), "--replay", String.valueOf(job.id()));
        assertEquals(replay.err(), 0, replay.exit());
        assertTrue(replay.out(), replay.out().contains("job " + job.id() + ": queued again"));
        assertEquals(Job.Status.QUEUED, queue.job(job.id()).orElseThrow().status());

        LintCommandTest.Run again = LintCommandTest.run("jobs", "--data-dir", data.toString(), "--replay", String.valueOf(job.id()));
        assertEquals(ExitCodes.FINDINGS, again.exit());
        assertTrue(again.err(), again.err().contains("not a dead job"));
        assertEquals(ExitCodes.USAGE, LintCommandTest.run("jobs", "--data-dir", data.toString(), "--replay", "PM-7").exit());
    }

    @Test
    public void whereThereIsNoQueueItSaysWhereItLookedAndCreatesNothing() {
        Path nowhere = dir.getRoot().toPath().resolve("data");
        LintCommandTest.Run r = LintCommandTest.run("jobs", "--data-dir", nowhere.toString());
        assertEquals(r.err(), ExitCodes.USAGE, r.exit());
        assertTrue(r.err(), r.err().contains("hindsight jobs: no job queue in " + nowhere.toAbsolutePath()));
        assertTrue(r.err(), r.err().contains("pass its --data-dir"));
        assertTrue("nothing reported as all clear: " + r.out(), r.out().isEmpty());
        assertTrue("nothing created", !java.nio.file.Files.exists(nowhere));
    }
}
