package io.hindsight.core.usecase;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.core.template.Template;

import java.util.List;
import java.util.Optional;

/**
 * Checks a post-mortem for blameless language, actionable actions and completeness: one written in
 * Markdown (with line numbers), or one in the tracker, read as the sync reads it (findings name sections).
 */
public final class LintPostMortem {
    private final MarkdownReader reader;
    private final Checker checker;
    private final PostMortemStore store;

    /** Checks Markdown only. */
    public LintPostMortem(MarkdownReader reader, Checker checker) {
        this(reader, checker, null);
    }

    /** Checks Markdown and post-mortem issues. */
    public LintPostMortem(MarkdownReader reader, Checker checker, PostMortemStore store) {
        this.reader = reader;
        this.checker = checker;
        this.store = store;
    }

    /** @param source the file's name, for findings and format problems */
    public LintResult markdown(String markdown, String source) {
        return of(source, reader.read(markdown, source));
    }

    /** The post-mortem issue checked; empty when it does not exist or this account cannot see it. */
    public Optional<LintResult> issue(IssueKey key) {
        if (store == null) throw new IllegalStateException("this check has no post-mortem store to read " + key + " from");
        return store.load(key).map(s -> of(key.value(), new ParsedPostMortem(key.value(), s.postMortem(), SourceMap.NONE, List.of())));
    }

    private LintResult of(String name, ParsedPostMortem parsed) {
        Template template = checker.templateFor(parsed.postMortem());
        return new LintResult(name, parsed, checker.check(parsed), template, CompletenessReport.of(parsed.postMortem(), template).percentFilled());
    }
}
