package io.hindsight.server.cli;

import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.QueueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hindsight jobs}: the operator's view of the queue: counts, the dead-letter list, and replay. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"Shows the sync jobs of 'hindsight serve': how many are in each state and the newest in one state (the dead-letter "
                + "list by default), with their last error. --replay queues dead jobs again once what failed them is fixed.",
                "Reads the same database as serve (--data-dir or --database). While serve runs on an H2 data directory it has the file "
                        + "open, so this asks the service over its API instead (set HINDSIGHT_API_TOKEN to the service's token)."})
final class JobsCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--status", defaultValue = "dead", description = "queued, running, done, dead or superseded (default: ${DEFAULT-VALUE}).")
    Job.Status status;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many jobs, newest first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--replay", paramLabel = "ID", split = ",", description = "Queue these dead jobs again (comma-separated ids), or 'all' dead jobs.")
    List<String> replay;

    @Option(names = "--service-url", paramLabel = "URL", converter = SiteOptions.SiteUrl.class,
            description = "Ask the 'hindsight serve' at this address (e.g. http://127.0.0.1:8080) over its API rather than opening the database; "
                    + "found by itself when serve runs on the same --data-dir.")
    URI serviceUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where secrets come from; tests hand in their own. */
    Secrets secrets = Secrets.fromEnvironment();

    /** What the command reads and replays: the database itself, or a running service's API. */
    interface Queue {
        Map<Job.Status, Long> counts();

        List<Job> recent(Job.Status status, int limit);

        List<Job> dead();

        Optional<Job.Status> replay(long id);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<URI> service = Optional.ofNullable(serviceUrl);
        if (service.isEmpty() && db.h2()) {
            if (db.h2Missing()) {
                err.println("hindsight jobs: no job queue in " + db.dataDir.toAbsolutePath().normalize() + " (it holds no " + db.h2File().getFileName()
                        + "): run this in the directory 'hindsight serve' runs in, or pass its --data-dir (or --database for PostgreSQL)");
                return ExitCodes.USAGE;
            }
            Optional<RunningService> running = RunningService.find(db.dataDir);
            if (running.isPresent()) {
                if (secrets.get("HINDSIGHT_API_TOKEN").isEmpty()) {
                    err.println("hindsight jobs: 'hindsight serve' (process " + running.get().pid() + ", " + running.get().url() + ") has the job database "
                            + db.h2File() + " open; set HINDSIGHT_API_TOKEN to the service's API token and this asks the service, or stop the service first");
                    return ExitCodes.USAGE;
                }
                service = Optional.of(running.get().url());
            }
        }
        if (service.isPresent()) {
            String token = secrets.get("HINDSIGHT_API_TOKEN").orElse(null);
            if (token == null) {
                err.println("hindsight jobs: set HINDSIGHT_API_TOKEN to the API token of the service at " + service.get());
                return ExitCodes.USAGE;
            }
            err.println("(the jobs as the running service at " + service.get() + " has them)");
            try {
                return show(new ServiceApi(service.get(), token), out, err);
            } catch (ServiceApi.Refused e) {
                err.println("hindsight jobs: " + e.getMessage());
                return e.exit;
            }
        }
        try (JobQueue queue = db.openExisting(secrets)) {
            return show(local(queue), out, err);
        } catch (DatabaseOptions.InUse e) {
            err.println("hindsight jobs: " + e.getMessage() + ": stop it, or pass --service-url with HINDSIGHT_API_TOKEN to ask the service");
            return ExitCodes.UNREACHABLE;
        } catch (QueueException e) {
            err.println("hindsight jobs: the job database cannot be used: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
    }

    private int show(Queue queue, PrintWriter out, PrintWriter err) {
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
    }

    private int replay(Queue queue, PrintWriter out, PrintWriter err) {
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
        if (missing == 0) return ExitCodes.OK;
        return missing < ids.size() ? ExitCodes.PARTIAL : ExitCodes.FINDINGS;
    }

    private static Queue local(JobQueue q) {
        return new Queue() {
            @Override
            public Map<Job.Status, Long> counts() {
                return q.counts();
            }

            @Override
            public List<Job> recent(Job.Status status, int limit) {
                return q.recent(status, limit);
            }

            @Override
            public List<Job> dead() {
                return q.dead();
            }

            @Override
            public Optional<Job.Status> replay(long id) {
                return q.replay(id);
            }
        };
    }
}
