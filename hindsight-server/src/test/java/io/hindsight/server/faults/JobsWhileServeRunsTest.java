package io.hindsight.server.faults;

import io.hindsight.server.queue.Databases;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import org.junit.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * 'hindsight jobs' at a second terminal while 'hindsight serve' runs on an H2 data directory, which that
 * service's process holds: it asks the service over its API, or says plainly what to do; never a stack trace.
 */
public class JobsWhileServeRunsTest {
    @Test
    public void jobsAsksTheRunningServiceOrSaysWhatToDo() throws Exception {
        try (FaultSite site = new FaultSite(FaultSite.tempDir("jobs-while-serving"))) {
            Path data = site.dir.resolve("data");
            // a job that failed for good before this service started
            long dead;
            try (JobQueue before = JobQueue.owning(Databases.open(null, data), Clock.systemUTC(), 1)) {
                before.accept("d-1", "jira:issue_updated", "PM-404", "PM-404");
                Job j = before.claim("w").orElseThrow();
                before.failed(j.id(), j.attempts(), "post-mortem PM-404 does not exist or this account cannot see it");
                dead = j.id();
            }
            try (ServiceProcess serve = ServiceProcess.serve("serve-h2", site.dir, site.env(), site.serveArgs("--data-dir", data.toString()))) {
                Map<String, String> noToken = new HashMap<>();
                ServiceProcess.Run without = ServiceProcess.cli(site.dir, noToken, List.of("jobs", "--data-dir", data.toString()));
                assertEquals(without.output(), 2, without.exit());
                assertTrue(without.output(), without.output().contains("'hindsight serve' (process " + serve.pid() + ", " + serve.url() + ") has the job database"));
                assertTrue(without.output(), without.output().contains("set HINDSIGHT_API_TOKEN to the service's API token"));
                assertFalse("no stack trace: " + without.output(), without.output().contains("\tat "));

                Map<String, String> token = Map.of("HINDSIGHT_API_TOKEN", FaultSite.API_TOKEN);
                ServiceProcess.Run listed = ServiceProcess.cli(site.dir, token, List.of("jobs", "--data-dir", data.toString()));
                assertEquals(listed.output(), 0, listed.exit());
                assertTrue(listed.output(), listed.output().contains("(the jobs as the running service at " + serve.url() + " has them)"));
                assertTrue(listed.output(), listed.output().contains("1 dead"));
                assertTrue(listed.output(), listed.output().contains("job " + dead + "  PM-404  dead, 1 attempt(s)"));
                assertTrue(listed.output(), listed.output().contains("last error: post-mortem PM-404 does not exist"));

                ServiceProcess.Run replayed = ServiceProcess.cli(site.dir, token, List.of("jobs", "--data-dir", data.toString(), "--replay", String.valueOf(dead)));
                assertEquals(replayed.output(), 0, replayed.exit());
                assertTrue(replayed.output(), replayed.output().contains("job " + dead + ": queued again"));

                ServiceProcess.Run wrongToken = ServiceProcess.cli(site.dir, Map.of("HINDSIGHT_API_TOKEN", "not-the-token-0123456789"),
                        List.of("jobs", "--data-dir", data.toString()));
                assertEquals(wrongToken.output(), 4, wrongToken.exit());
                assertTrue(wrongToken.output(), wrongToken.output().contains("refused HINDSIGHT_API_TOKEN"));
            }
        }
    }
}
