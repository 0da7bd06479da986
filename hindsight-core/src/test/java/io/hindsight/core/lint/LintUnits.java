package io.hindsight.core.lint;

import io.hindsight.core.markdown.ParsedPostMortem;

import java.util.List;

/** For tests in sub-packages: the sentences the checker reads in a post-mortem. */
public final class LintUnits {
    private LintUnits() {
    }

    public static List<TextUnit> of(ParsedPostMortem parsed) {
        return TextUnits.of(parsed.postMortem(), parsed.lines());
    }
}
