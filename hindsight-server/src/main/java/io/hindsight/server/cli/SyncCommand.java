package io.hindsight.server.cli;

import io.hindsight.server.service.Wiring;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.sync.SyncResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hindsight sync KEY...} or {@code sync --jql ...}: brings post-mortems' tickets and pages in step with their issues. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Creates the missing remediation tickets of post-mortem issues, updates changed ones, and creates or updates their "
                + "Confluence pages; comments on an issue when something changed. Running it again with nothing changed writes nothing.",
                "With --jql it syncs every post-mortem the query finds (a backfill), showing progress on standard error; one that fails "
                        + "does not stop the others, and running it again finishes what was left."})
final class SyncCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Post-mortem issues, e.g. PM-12.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--jql", paramLabel = "JQL", description = "Also sync every post-mortem this finds, e.g. \"project = PM AND created >= 2026-01-01\" (no ORDER BY).")
    String jql;

    @Option(names = "--limit", defaultValue = "10000", description = "With --jql: at most this many post-mortems (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    SiteOptions site;

    @Mixin
    Configuration config;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (keys.isEmpty() && jql == null) {
            err.println("hindsight sync: name post-mortem keys (PM-12) or a --jql query");
            return ExitCodes.USAGE;
        }
        RequestCounter counter = new RequestCounter();
        // settings, credentials or a site that cannot be reached stop the command before the first post-mortem (see HindsightCli)
        Wiring w = engine.wiring(site, config, counter);
        List<String> all = new ArrayList<>(keys);
        if (jql != null) w.store.findKeys(jql, limit).stream().map(IssueKey::value).filter(k -> !all.contains(k)).forEach(all::add);
        if (all.isEmpty()) out.println("no post-mortem matches " + jql);
        ProgressLine progress = ProgressLine.on(err, Duration.ofSeconds(2));
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String key = all.get(i);
            String news;
            try {
                SyncResult r = w.sync.sync(IssueKey.of(key));
                SyncReport.print(r, out);
                out.flush();
                if (r.blocked()) failures.add(new Failure(ExitCodes.FINDINGS, key + ": the checker found errors"));
                news = r.blocked() ? "not synced, the checker found errors" : r.changedAnything() ? "synced" : "already in step";
            } catch (RuntimeException e) {
                // one broken post-mortem must not stop a backfill: the others go on, and a rerun retries this one
                Failure f = Failure.of(e);
                err.println("hindsight sync: " + key + ": " + f.message());
                failures.add(f);
                news = "FAILED";
            }
            progress.step(i + 1, all.size(), key, news);
        }
        int failed = failures.size();
        if (all.size() > 1) out.println((all.size() - failed) + " of " + all.size() + " post-mortems synced" + (failed > 0 ? "; " + failed + " not (see above)" : ""));
        if (engine.stats) out.println(counter.snapshot().line());
        return Failure.overall(all.size(), failures);
    }
}
