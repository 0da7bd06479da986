package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.SectionKind;

import java.util.List;
import java.util.Set;

/** A tagged sentence and the small questions the rules ask of it. */
final class Sentence {
    private static final Set<String> BOUNDARY = Set.of(";", ":", "—", "–", "but", "because", "so", "although", "though",
            "whereas", "while", "when", "after", "before", "until", "once", "since");

    final String text;
    final List<Token> t;
    final SectionKind kind;

    Sentence(String text, List<Token> tokens, SectionKind kind) {
        this.text = text;
        this.t = tokens;
        this.kind = kind;
    }

    int size() {
        return t.size();
    }

    Token get(int i) {
        return t.get(i);
    }

    boolean has(int i, String... lemmas) {
        return i >= 0 && i < t.size() && t.get(i).is(lemmas);
    }

    /** The index of the first token at or after {@code from}, within {@code window} tokens, with one of the lemmas; -1 if none. */
    int find(int from, int window, String... lemmas) {
        for (int i = Math.max(0, from); i < t.size() && i < from + window; i++) if (t.get(i).is(lemmas)) return i;
        return -1;
    }

    /** The words as written between two tokens. */
    String excerpt(int from, int to) {
        from = Math.max(0, Math.min(from, t.size() - 1));
        to = Math.max(from + 1, Math.min(to, t.size()));
        return text.substring(t.get(from).start(), t.get(to - 1).end());
    }

    /** True at a token that starts a new clause. */
    boolean boundary(int i) {
        Token w = t.get(i);
        return BOUNDARY.contains(w.lower()) || w.text().equals(",") && i + 1 < t.size() && t.get(i + 1).is("and", "but", "so", "which", "then");
    }

    /** The first token of the clause holding token {@code i}. */
    int clauseStart(int i) {
        for (int k = i - 1; k >= 0; k--) if (boundary(k)) return k + 1;
        return 0;
    }

    /** A negation ("not", "never", "no one", "nobody", "without") in the clause, within {@code window} tokens before {@code i}. */
    boolean negatedBefore(int i, int window) {
        int start = Math.max(clauseStart(i), i - window);
        for (int k = start; k < i; k++) {
            Token w = t.get(k);
            if (w.negation() || w.is("nobody", "without", "neither", "nor", "hardly", "barely")) return true;
            if (w.is("one") && k > 0 && t.get(k - 1).is("no")) return true;
        }
        return false;
    }
}
