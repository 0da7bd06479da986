package io.hindsight.core.lint.blameless;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The words worth mending when misspelt: those the rules start from, in every form they take. */
final class Typos {
    private static volatile Map<String, String> cached;
    private static volatile Index index;

    /** Each target with one letter deleted, to the target ("" when two share it), and each target's rank. */
    record Index(Map<String, String> deletions, Map<String, Integer> ranks) {
    }

    static Index index(Lexicon lex) {
        Index i = index;
        if (i != null) return i;
        Map<String, String> targets = targets(lex);
        Map<String, String> d = new HashMap<>();
        Map<String, Integer> r = new HashMap<>();
        int rank = 0;
        for (String t : targets.keySet()) {
            r.put(t, rank++);
            for (int k = 0; k < t.length(); k++) d.merge(t.substring(0, k) + t.substring(k + 1), t, (a, b) -> a.equals(b) ? a : "");
        }
        index = new Index(Map.copyOf(d), Map.copyOf(r));
        return index;
    }

    private Typos() {
    }

    static Map<String, String> targets(Lexicon lex) {
        Map<String, String> t = cached;
        if (t != null) return t;
        Map<String, String> m = new java.util.LinkedHashMap<>();
        // the words misspelt most often in blame come first: a later list does not take a spelling an earlier one has
        for (String w : List.of("should", "could", "would", "human", "error", "errors", "mistake", "forgot", "forgotten", "careless", "carelessly",
                "negligent", "operator", "neglected", "ignored", "overlooked", "obviously", "obvious")) put(m, w);
        for (String list : List.of("harm", "harm-cause", "fail", "sanction", "diligence")) {
            for (String lemma : lex.list(list)) if (!lemma.contains(" ")) for (String f : forms(lemma)) put(m, f);
        }
        for (String list : List.of("judgement", "modal", "human-modifier", "error-noun", "hindsight-adverb", "hindsight-adjective", "blame-noun")) {
            for (String w : lex.list(list)) if (!w.contains(" ")) put(m, w);
        }
        for (String w : List.of("forgot", "forgotten", "broke", "broken", "took", "taken", "should", "could", "would", "ought", "have",
                "mistake", "mistakes", "errors", "blame", "fault", "human", "responsible", "accountable", "disciplinary", "retrain",
                "retrained", "anyone", "everyone", "obviously", "foreseeable", "hindsight", "retrospect", "negligent", "careless",
                "carelessly", "neglected", "ignored", "overlooked")) {
            put(m, w);
        }
        cached = java.util.Collections.unmodifiableMap(m);
        return cached;
    }

    private static void put(Map<String, String> m, String w) {
        if (w.length() >= 5) m.putIfAbsent(w, w);
    }

    /** Regular forms of a verb: base, -s, -ed, -ing (with the final e dropped or the consonant doubled). */
    static List<String> forms(String v) {
        String stem = v.endsWith("e") ? v.substring(0, v.length() - 1) : v;
        String ed = v.endsWith("e") ? v + "d" : v.endsWith("y") ? v.substring(0, v.length() - 1) + "ied" : v + "ed";
        String s = v.endsWith("y") ? v.substring(0, v.length() - 1) + "ies" : v.endsWith("s") || v.endsWith("sh") || v.endsWith("ch") ? v + "es" : v + "s";
        char last = v.charAt(v.length() - 1);
        boolean doubles = v.length() <= 6 && "bdgklmnprt".indexOf(last) >= 0 && v.length() > 2 && "aeiou".indexOf(v.charAt(v.length() - 2)) >= 0
                && "aeiou".indexOf(v.charAt(v.length() - 3)) < 0;
        if (doubles) return List.of(v, s, ed, stem + "ing", v + last + "ed", v + last + "ing");
        return List.of(v, s, ed, stem + "ing");
    }
}
