package io.hindsight.core.usecase;

import io.hindsight.core.lint.Level;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.port.PostMortemStore;

import java.util.List;

/**
 * Publishing a post-mortem written in Markdown: it is checked before anything is written, so a refused
 * post-mortem leaves nothing behind in the tracker; then its issue is created (no {@code key:} in the front
 * matter) or updated. Its tickets and page follow from {@link SyncPostMortem}: run now (CLI) or queued
 * (service), as the host decides. A post-mortem written in the tracker's fields is published by that sync alone.
 */
public final class PublishPostMortem {
    /**
     * What the check decided.
     *
     * @param problems empty when the post-mortem may be published; else each line says where and what to fix
     */
    public record Checked(LintResult lint, String summary, List<String> problems) {
        public boolean refused() {
            return !problems.isEmpty();
        }

        public PostMortem postMortem() {
            return lint.parsed().postMortem();
        }
    }

    /** An issue written: its key, and whether this publish created it. */
    public record Written(IssueKey key, boolean created) {
    }

    private final LintPostMortem lint;
    private final PostMortemStore store;

    public PublishPostMortem(LintPostMortem lint, PostMortemStore store) {
        this.lint = lint;
        this.store = store;
    }

    /**
     * Whether a checked post-mortem may be published: nothing unreadable, no checker errors. Needs no
     * tracker, so a host can refuse a file before it connects to one.
     */
    public static Checked verdict(LintResult lint) {
        String source = lint.file();
        if (lint.parsed().hasErrors()) {
            return new Checked(lint, source + " has parts that cannot be read; nothing was published",
                    lint.parsed().problems().stream().filter(p -> p.error()).map(p -> source + ":" + p.line() + ": " + p.message()).toList());
        }
        if (lint.report().hasErrors()) {
            return new Checked(lint, source + " has " + lint.report().count(Level.ERROR) + " error(s); nothing was published (lint it for suggestions)",
                    lint.report().findings().stream().filter(f -> f.level() == Level.ERROR)
                            .map(f -> source + ":" + (f.line() > 0 ? f.line() + ":" : "") + " " + f.rule() + ": " + f.message()).toList());
        }
        return new Checked(lint, source + " can be published", List.of());
    }

    public Checked check(String markdown, String source) {
        return verdict(lint.markdown(markdown, source));
    }

    /** Creates or updates the post-mortem's issue; the check must have passed. */
    public Written write(Checked checked, String project) {
        if (checked.refused()) throw new IllegalStateException("a refused post-mortem is not written: " + checked.summary());
        PostMortem pm = checked.postMortem();
        if (pm.key() == null) return new Written(store.create(project, pm), true);
        IssueKey key = IssueKey.of(pm.key());
        store.update(key, pm);
        return new Written(key, false);
    }
}
