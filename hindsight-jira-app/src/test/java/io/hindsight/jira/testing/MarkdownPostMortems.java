package io.hindsight.jira.testing;

import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.jira.port.PostMortemSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Post-mortem issues held as Markdown: what the Jira post-mortem store will hand the checker. */
public final class MarkdownPostMortems implements PostMortemSource {
    private final Map<String, String> byKey = new HashMap<>();

    public MarkdownPostMortems put(String key, String markdown) {
        byKey.put(key, markdown);
        return this;
    }

    @Override
    public Optional<ParsedPostMortem> read(String issueKey) {
        String md = byKey.get(issueKey);
        if (md == null) return Optional.empty();
        return Optional.of(new MarkdownReader(SloPolicyLoader.defaults().actionClasses()).read(md, issueKey));
    }
}
