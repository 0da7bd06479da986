package io.hindsight.server.cli;

import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.QueueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hindsight jobs}: the operator's view of the queue: counts, the dead-letter list, and replay. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"Shows the sync jobs of 'hindsight serve': how many are in each state and the newest in one state (the dead-letter "
                + "list by default), with their last error. --replay queues dead jobs again once what failed them is fixed.",
                "Reads the same database as serve (--data-dir or --database); safe while serve runs on PostgreSQL."})
final class JobsCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--status", defaultValue = "dead", description = "queued, running, done, dead or superseded (default: ${DEFAULT-VALUE}).")
    Job.Status status;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many jobs, newest first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--replay", paramLabel = "ID", split = ",", description = "Queue these dead jobs again (comma-separated ids), or 'all' dead jobs.")
    List<String> replay;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            JobQueue queue = db.open(Secrets.fromEnvironment());
            if (replay != null) return replay(queue, out, err);
            Map<Job.Status, Long> counts = queue.counts();
            out.println(String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)).toList()));
            List<Job> jobs = queue.recent(status, limit);
            if (jobs.isEmpty()) out.println("no " + status.name().toLowerCase(Locale.ROOT) + " jobs");
            for (Job j : jobs) {
                out.printf("job %d  %s  %s, %d attempt(s), run after %s%n", j.id(), j.postMortem(), j.status().name().toLowerCase(Locale.ROOT), j.attempts(), j.runAfter());
                if (j.lastError() != null) out.println("    last error: " + j.lastError());
            }
            if (status == Job.Status.DEAD && !jobs.isEmpty()) out.println("fix what failed them, then: hindsight jobs --replay " + jobs.get(0).id() + " (or --replay all)");
            out.flush();
            return ExitCodes.OK;
        } catch (IOException | QueueException e) {
            err.println("hindsight jobs: the job database cannot be used: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private int replay(JobQueue queue, PrintWriter out, PrintWriter err) {
        List<Long> ids;
        if (replay.size() == 1 && replay.get(0).equalsIgnoreCase("all")) {
            ids = queue.dead().stream().map(Job::id).toList();
        } else {
            try {
                ids = replay.stream().map(String::strip).map(Long::parseLong).toList();
            } catch (NumberFormatException e) {
                err.println("hindsight jobs: --replay takes job ids such as 12,13 or 'all', not '" + String.join(",", replay) + "'");
                return ExitCodes.USAGE;
            }
        }
        int missing = 0;
        for (long id : ids) {
            Optional<Job.Status> s = queue.replay(id);
            if (s.isEmpty()) {
                err.println("job " + id + ": not a dead job (see 'hindsight jobs')");
                missing++;
            } else {
                out.println("job " + id + ": " + (s.get() == Job.Status.QUEUED ? "queued again" : "not needed: a newer job of its post-mortem is queued"));
            }
        }
        if (ids.isEmpty()) out.println("no dead jobs to replay");
        out.flush();
        return missing == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
