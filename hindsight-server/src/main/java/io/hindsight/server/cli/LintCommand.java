package io.hindsight.server.cli;

import io.hindsight.server.service.Wiring;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.server.ops.LintJson;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.LintResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hindsight lint FILE.md}: blameless language, actionability and consistency, with line numbers. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Reviews post-mortems written in Markdown, or post-mortem issues in Jira (by key, with --jira-url): blameless "
                + "language, actionable action items, required sections, times in order.",
                "Exit status: 0 no errors, 1 errors found, 2 a file or option could not be used; for issue keys also 3 Jira cannot be reached, "
                        + "4 the credentials were refused (the README's table has them all)."})
final class LintCommand implements Callable<Integer> {
    enum Format { text, json, github }

    @Parameters(paramLabel = "FILE|DIR|KEY", arity = "1..*", description = "Post-mortem Markdown files, directories of them (*.md), or post-mortem issue keys such as PM-12.")
    List<String> targets;

    @Mixin
    SiteOptions site;

    /** For issue keys only. */
    @Mixin
    IdsFileOption ids;


    @Option(names = "--format", defaultValue = "text", description = "text (for people, default), json (for tools), or github (annotations on the pull request's lines in GitHub Actions).")
    Format format;

    @Mixin
    Configuration config;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SloPolicy policy;
        Checker checker;
        try {
            policy = config.sloPolicy();
            checker = new Checker(config.templateRegistry(), policy, config.clock());
        } catch (RuntimeException e) {
            err.println("hindsight lint: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        LintPostMortem lint = new LintPostMortem(new MarkdownReader(policy.actionClasses()), checker);
        List<LintResult> results = new ArrayList<>();
        LintPostMortem issues = null;
        List<String> expanded = new ArrayList<>();
        for (String target : targets) {
            if (!Files.isDirectory(Path.of(target))) {
                expanded.add(target);
                continue;
            }
            try {
                MarkdownFiles.expand(List.of(Path.of(target))).forEach(f -> expanded.add(f.toString()));
            } catch (IOException | IllegalArgumentException e) {
                err.println("hindsight lint: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        for (String target : expanded) {
            Path file = Path.of(target);
            if (!Files.exists(file) && IssueKey.isKey(target)) {
                // an issue key: checked as the sync would check it (no line numbers: findings name the section)
                try {
                    if (issues == null) {
                        issues = new Wiring(site.jiraSite(new io.hindsight.atlassian.http.RequestCounter()), ids.read(), null, policy, config.templateRegistry(),
                                config.clock(), null, null, ConfigFile.users(spec.commandLine())).lint;
                    }
                    java.util.Optional<LintResult> checked = issues.issue(IssueKey.of(target));
                    if (checked.isEmpty()) {
                        err.println("hindsight lint: " + target + ": no such issue (or no permission to see it)");
                        return ExitCodes.USAGE;
                    }
                    results.add(checked.get());
                } catch (RuntimeException e) {
                    Failure f = Failure.of(e);
                    err.println("hindsight lint: " + target + ": " + f.message());
                    return f.exit();
                }
                continue;
            }
            String text;
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                err.println("hindsight lint: " + file + ": no such file");
                return ExitCodes.USAGE;
            } catch (MalformedInputException e) {
                err.println("hindsight lint: " + file + ": not UTF-8 text");
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("hindsight lint: " + file + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            results.add(lint.markdown(text, file.toString()));
        }
        if (format == Format.json) out.print(LintJson.write(results));
        else if (format == Format.github) out.print(io.hindsight.server.ops.GithubAnnotations.write(results));
        else results.forEach(r -> text(r, out));
        out.flush();
        return results.stream().anyMatch(r -> r.report().hasErrors()) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static void text(LintResult r, PrintWriter out) {
        for (Finding f : r.report().findings()) {
            out.printf("%s:%s %s %s%s: %s%n", r.file(), f.line() > 0 ? f.line() + ":" : "", f.level().label(), f.rule(),
                    f.section().isEmpty() ? "" : " (" + f.section() + ")", f.message());
            if (!f.excerpt().isEmpty()) out.println("    > " + f.excerpt());
            if (!f.suggestion().isEmpty()) out.println("    suggestion: " + f.suggestion());
        }
        LintReport rep = r.report();
        out.printf("%s: %s, %s, %s; template %s, %d%% of its sections filled in%n", r.file(),
                plural(rep.count(Level.ERROR), "error"), plural(rep.count(Level.WARNING), "warning"),
                plural(rep.count(Level.INFO), "note"), r.template().id(), r.percentComplete());
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
