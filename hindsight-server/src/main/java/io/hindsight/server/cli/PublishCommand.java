package io.hindsight.server.cli;

import io.hindsight.server.service.Wiring;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.FrontMatterKey;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.sync.SyncResult;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.PublishPostMortem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hindsight publish FILE...}: post-mortem files become (or update) their Jira issues, tickets and pages. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes post-mortems written in Markdown: creates each one's Jira issue (or updates the one named by 'key:' in its "
                + "front matter), then syncs its remediation tickets and Confluence page. A file with errors is refused and nothing of it is written.",
                "Give several files or a directory to import a collection (progress on standard error); with --write-keys each new issue's key is "
                        + "written into its file, so publishing the collection again updates rather than duplicates."})
final class PublishCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Post-mortem Markdown files, or directories of them (*.md, not recursive).")
    List<Path> paths;

    @Mixin
    SiteOptions site;

    @Mixin
    Configuration config;

    @Option(names = "--project", defaultValue = "PM", paramLabel = "KEY", description = "The project new post-mortem issues go to (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--write-keys", description = "Write 'key: PM-N' into the front matter of each file whose issue this run creates.")
    boolean writeKeys;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try {
            files = MarkdownFiles.expand(paths);
        } catch (IOException | IllegalArgumentException e) {
            err.println("hindsight publish: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RequestCounter counter = new RequestCounter();
        // checking needs no site: a refused file is reported before anything connects to Jira
        LintPostMortem lint = new LintPostMortem(new MarkdownReader(config.sloPolicy().actionClasses()),
                new Checker(config.templateRegistry(), config.sloPolicy(), config.clock()));
        Wiring w = null;
        ProgressLine progress = ProgressLine.on(err, Duration.ofSeconds(2));
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String news;
            try {
                String text = Files.readString(file);
                // a file is checked before anything is written: a refused post-mortem leaves nothing behind
                PublishPostMortem.Checked checked = PublishPostMortem.verdict(lint.markdown(text, file.toString()));
                if (checked.refused()) {
                    err.println("hindsight publish: " + checked.summary() + ":");
                    checked.problems().forEach(p -> err.println("  " + p));
                    failures.add(new Failure(ExitCodes.FINDINGS, checked.summary()));
                    progress.step(i + 1, files.size(), file.toString(), "refused");
                    continue;
                }
                if (w == null) {
                    try {
                        w = engine.wiring(site, config, counter);
                    } catch (RuntimeException e) {
                        // settings, credentials or a site that cannot be reached: every file would fail the same way
                        Failure f = Failure.of(e);
                        err.println("hindsight publish: " + f.message());
                        return f.exit();
                    }
                }
                PublishPostMortem.Written written = w.publish.write(checked, project);
                String key = written.key().value();
                if (written.created()) {
                    if (writeKeys) {
                        writeKey(file, text, key);
                        out.println("created " + key + " from " + file + " and wrote 'key: " + key + "' into it");
                    } else {
                        out.println("created " + key + " from " + file + "; add 'key: " + key + "' to its front matter (or use --write-keys) so the next publish updates it");
                    }
                }
                // the sync goes on from what the publish knows: the issue as written, and (for a new one) no tickets or comments yet
                SyncResult r = w.sync.syncWritten(written);
                SyncReport.print(r, out);
                out.flush();
                if (r.blocked()) failures.add(new Failure(ExitCodes.FINDINGS, key + ": the checker found errors"));
                news = key + (r.blocked() ? ", not synced: the checker found errors" : written.created() ? ", created" : ", updated");
            } catch (IOException e) {
                err.println("hindsight publish: " + file + ": " + e.getMessage());
                failures.add(new Failure(ExitCodes.USAGE, e.getMessage()));
                news = "FAILED";
            } catch (PublishPostMortem.Refused e) {
                // Jira's answers forbid the write (a key naming another kind of issue, projects that do not exist): nothing of this file was written
                err.println("hindsight publish: " + e.getMessage());
                failures.add(new Failure(ExitCodes.FINDINGS, e.getMessage()));
                news = "refused";
            } catch (IllegalArgumentException e) {
                // the site's settings are wrong: every other file would fail the same way
                err.println("hindsight publish: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (RuntimeException e) {
                // one file's failure must not stop an import: the rest go on, and publishing again finishes this one
                Failure f = Failure.of(e);
                err.println("hindsight publish: " + file + ": " + f.message());
                failures.add(f);
                news = "FAILED";
            }
            progress.step(i + 1, files.size(), file.toString(), news);
        }
        int failed = failures.size();
        if (files.size() > 1) out.println((files.size() - failed) + " of " + files.size() + " post-mortems published" + (failed > 0 ? "; " + failed + " not (see above)" : ""));
        if (engine.stats) out.println(counter.snapshot().line());
        return Failure.overall(files.size(), failures);
    }

    /** Replaces the file in one step, so a crash leaves either the old file or the new one. */
    private static void writeKey(Path file, String text, String key) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        Files.writeString(tmp, FrontMatterKey.set(text, key));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
