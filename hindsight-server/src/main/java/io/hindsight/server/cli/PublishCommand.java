package io.hindsight.server.cli;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
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
            ParsedPostMortem parsed = new MarkdownReader(config.sloPolicy().actionClasses()).read(Files.readString(file), file.toString());
            if (parsed.hasErrors()) {
                err.println("hindsight publish: " + file + " has parts that cannot be read; nothing was published:");
                parsed.problems().stream().filter(p -> p.error()).forEach(p -> err.println("  " + file + ":" + p.line() + ": " + p.message()));
                return ExitCodes.FINDINGS;
            }
            // a file is checked before anything is written: a refused post-mortem leaves nothing behind
            var report = new io.hindsight.core.lint.Checker(config.templateRegistry(), config.sloPolicy(), config.clock()).check(parsed);
            if (report.hasErrors()) {
                err.println("hindsight publish: " + file + " has " + report.count(io.hindsight.core.lint.Level.ERROR)
                        + " error(s); nothing was published (run 'hindsight lint " + file + "' for suggestions):");
                report.findings().stream().filter(f -> f.level() == io.hindsight.core.lint.Level.ERROR)
                        .forEach(f -> err.println("  " + file + ":" + (f.line() > 0 ? f.line() + ":" : "") + " " + f.rule() + ": " + f.message()));
                return ExitCodes.FINDINGS;
            }
            Wiring w = engine.wiring(site, config, counter);
            String key = parsed.postMortem().key();
            if (key == null) {
                key = w.tracker.createPostMortem(project, parsed.postMortem());
                out.println("created " + key + " from " + file + "; add 'key: " + key + "' to its front matter so the next publish updates it");
            } else {
                w.tracker.updatePostMortem(key, parsed.postMortem());
            }
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
