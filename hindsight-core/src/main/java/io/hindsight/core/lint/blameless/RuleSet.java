package io.hindsight.core.lint.blameless;

import java.util.List;

/** A family of rules: reads a tagged sentence and says what blame it finds, with how sure it is. */
abstract class RuleSet {
    final Lexicon lex;
    final Agents agents;

    RuleSet(Lexicon lex, Agents agents) {
        this.lex = lex;
        this.agents = agents;
    }

    abstract List<Hit> find(Sentence s);
}
