package io.hindsight.server.ops;

import io.hindsight.atlassian.sync.JiraTracker;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.lint.Level;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;

import java.util.List;

/**
 * Publishing a post-mortem written in Markdown, for the CLI and the API alike: it is read and checked
 * before anything is written, so a refused post-mortem leaves nothing behind in Jira; then its issue is
 * created (no {@code key:} in the front matter) or updated. The sync that follows is the caller's.
 */
public final class Publishing {
    private Publishing() {
    }

    /**
     * What the check decided.
     *
     * @param problems empty when the post-mortem may be published; else each line says where and what to fix
     */
    public record Checked(ParsedPostMortem parsed, String summary, List<String> problems) {
        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    /** An issue written: its key, and whether it was created by this publish. */
    public record Written(String key, boolean created) {
    }

    public static Checked check(String markdown, String source, MarkdownReader reader, Checker checker) {
        ParsedPostMortem parsed = reader.read(markdown, source);
        if (parsed.hasErrors()) {
            return new Checked(parsed, source + " has parts that cannot be read; nothing was published",
                    parsed.problems().stream().filter(p -> p.error()).map(p -> source + ":" + p.line() + ": " + p.message()).toList());
        }
        LintReport report = checker.check(parsed);
        if (report.hasErrors()) {
            return new Checked(parsed, source + " has " + report.count(Level.ERROR) + " error(s); nothing was published (lint it for suggestions)",
                    report.findings().stream().filter(f -> f.level() == Level.ERROR)
                            .map(f -> source + ":" + (f.line() > 0 ? f.line() + ":" : "") + " " + f.rule() + ": " + f.message()).toList());
        }
        return new Checked(parsed, source + " can be published", List.of());
    }

    /** Creates or updates the post-mortem's issue; the check must have passed. */
    public static Written write(Checked checked, String project, JiraTracker tracker) {
        if (checked.refused()) throw new IllegalStateException("a refused post-mortem is not written: " + checked.summary());
        String key = checked.parsed().postMortem().key();
        if (key == null) return new Written(tracker.createPostMortem(project, checked.parsed().postMortem()), true);
        tracker.updatePostMortem(key, checked.parsed().postMortem());
        return new Written(key, false);
    }
}
