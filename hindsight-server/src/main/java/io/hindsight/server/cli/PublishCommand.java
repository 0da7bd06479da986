package io.hindsight.server.cli;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.server.ops.Publishing;
import io.hindsight.core.sync.SyncException;
import io.hindsight.core.sync.SyncResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hindsight publish FILE}: a post-mortem file becomes (or updates) its Jira issue, tickets and page. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes a post-mortem written in Markdown: creates its Jira issue (or updates the one named by 'key:' in the "
                + "front matter), then syncs its remediation tickets and Confluence page.")
final class PublishCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A post-mortem Markdown file.")
    Path file;

    @Mixin
    SiteOptions site;

    @Mixin
    Configuration config;

    @Option(names = "--project", defaultValue = "PM", paramLabel = "KEY", description = "The project new post-mortem issues go to (default: ${DEFAULT-VALUE}).")
    String project;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RequestCounter counter = new RequestCounter();
        try {
            Publishing.Checked checked = Publishing.check(Files.readString(file), file.toString(), new MarkdownReader(config.sloPolicy().actionClasses()),
                    new io.hindsight.core.lint.Checker(config.templateRegistry(), config.sloPolicy(), config.clock()));
            if (checked.refused()) {
                err.println("hindsight publish: " + checked.summary() + ":");
                checked.problems().forEach(p -> err.println("  " + p));
                return ExitCodes.FINDINGS;
            }
            Wiring w = engine.wiring(site, config, counter);
            Publishing.Written written = Publishing.write(checked, project, w.tracker);
            String key = written.key();
            if (written.created()) out.println("created " + key + " from " + file + "; add 'key: " + key + "' to its front matter so the next publish updates it");
            SyncResult r = w.engine.sync(key);
            SyncReport.print(r, out);
            if (engine.stats) out.println(counter.snapshot().line());
            return r.blocked() ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (IOException e) {
            err.println("hindsight publish: " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (SyncException | AtlassianException e) {
            err.println("hindsight publish: " + e.getMessage());
            if (engine.stats) out.println(counter.snapshot().line());
            return ExitCodes.FINDINGS;
        } catch (IllegalArgumentException e) {
            err.println("hindsight publish: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
