package io.hindsight.server.faults;

import io.hindsight.server.queue.Databases;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import org.junit.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A delivery answered 202 is on disk: a process killed (SIGKILL: no shutdown hook, no close) the moment after H2
 * committed a job still has that job when the service starts again. H2 otherwise keeps commits in memory for up
 * to half a second, and the fault matrix once lost a job that way.
 */
public class AcceptedThenKilledTest {
    /** The process that accepts jobs and is killed: each job is committed, then the process halts at once. */
    public static void main(String[] args) {
        JobQueue queue = JobQueue.owning(Databases.open(null, Path.of(args[0])), Clock.systemUTC(), 3);
        int n = Integer.parseInt(args[1]);
        for (int i = 1; i <= n; i++) queue.accept("delivery-" + i, "jira:issue_updated", "PM-" + i, "PM-" + i);
        System.out.println("accepted " + n);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }

    @Test
    public void jobsCommittedJustBeforeAKillAreThereAfterTheRestart() throws Exception {
        Path dir = Files.createTempDirectory("accepted-then-killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", ServiceProcess.classpath(), AcceptedThenKilledTest.class.getName(), dir.toString(), "5").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue("the child ended: " + out, p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out, out.contains("accepted 5"));

        try (JobQueue reopened = JobQueue.owning(Databases.open(null, dir), Clock.systemUTC(), 3)) {
            List<String> kept = reopened.all().stream().map(Job::postMortem).sorted().toList();
            assertEquals("every job the killed process had committed", List.of("PM-1", "PM-2", "PM-3", "PM-4", "PM-5"), kept);
        }
    }
}
