package io.hindsight.core.markdown;

import io.hindsight.core.model.PostMortem;

import java.util.List;

/** What reading a post-mortem gives: the model, where its parts stood, and what could not be read. */
public record ParsedPostMortem(String source, PostMortem postMortem, SourceMap lines, List<FormatProblem> problems) {
    public ParsedPostMortem {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(FormatProblem::error);
    }
}
