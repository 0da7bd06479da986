package io.hindsight.server.cli;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.sync.SyncException;
import io.hindsight.core.sync.SyncResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code hindsight sync KEY}: brings a post-mortem's tickets and page in step with its issue. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Creates the missing remediation tickets of a post-mortem issue, updates changed ones, and creates or updates its "
                + "Confluence page; comments on the issue when something changed. Running it again with nothing changed writes nothing.")
final class SyncCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KEY", description = "The post-mortem issue, e.g. PM-12.")
    String key;

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
        RequestCounter counter = new RequestCounter();
        try {
            Wiring w = engine.wiring(site, config, counter);
            SyncResult r = w.engine.sync(key);
            SyncReport.print(r, spec.commandLine().getOut());
            if (engine.stats) spec.commandLine().getOut().println(counter.snapshot().line());
            return r.blocked() ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (SyncException | AtlassianException e) {
            spec.commandLine().getErr().println("hindsight sync: " + e.getMessage());
            if (engine.stats) spec.commandLine().getOut().println(counter.snapshot().line());
            return ExitCodes.FINDINGS;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("hindsight sync: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
