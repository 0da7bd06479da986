package io.hindsight.core.lint.blameless;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a sentence into tokens the way the English tagger was trained to see them (clitics split off:
 * "didn't" -> "did" "n't", "Yusuf's" -> "Yusuf" "'s"), skips the quoted or rejected words, mends typos
 * of the words the rules look for, and gives each token its lemma. Cheap: no model is involved.
 */
final class Words {
    private static final Set<String> N_T = Set.of("didn", "doesn", "don", "wasn", "weren", "isn", "aren", "hasn", "haven", "hadn",
            "shouldn", "couldn", "wouldn", "mustn", "needn", "won", "can", "ain", "mightn", "oughtn");

    private final Lexicon lexicon;
    private final Map<String, String> typoTargets;

    Words(Lexicon lexicon, Map<String, String> typoTargets) {
        this.lexicon = lexicon;
        this.typoTargets = typoTargets;
    }

    /** The tokens of a sentence, quoted and rejected words left out. */
    List<Token> tokens(String s) {
        return tokens(s, true);
    }

    /** @param mask leave out quoted and rejected words (the screen can do without: leaving words in only lets more through) */
    List<Token> tokens(String s, boolean mask) {
        boolean[] masked = mask ? Quotes.mask(s) : null;
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = end(s, i);
            if (masked != null && masked[i]) {
                i = end;
                continue;
            }
            String t = s.substring(i, end);
            // "didn't": the tagger expects "did" + "n't"
            if (end - i > 2 && end + 1 < n && (s.charAt(end) == '\'' || s.charAt(end) == '’') && (s.charAt(end + 1) == 't' || s.charAt(end + 1) == 'T')
                    && (end + 2 == n || !Character.isLetter(s.charAt(end + 2))) && N_T.contains(t.toLowerCase(Locale.ROOT))) {
                add(out, t.substring(0, t.length() - 1), i);
                add(out, "n" + s.substring(end, end + 2), end - 1);
                i = end + 2;
                continue;
            }
            if (t.length() == 2 && (t.charAt(0) == '\'' || t.charAt(0) == '’') && (t.charAt(1) == 't' || t.charAt(1) == 'T')) {
                i = end;
                continue;
            }
            add(out, t, i);
            i = end;
        }
        return out;
    }

    /**
     * Where the token starting at {@code i} ends. A hand-written scanner (a regular expression cost a third
     * of the checker's time): links, {@code @handles}, paths, numbers and times ("14:05", "4,000", "10%"),
     * words with inner hyphens, dots or slashes ("on-call", "v1.2.3"), clitics ("'s", "'ve"), else one mark.
     */
    static int end(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'h' && (s.startsWith("http://", i) || s.startsWith("https://", i))) {
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) j++;
            return j;
        }
        if (c == '@' || c == '/' && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || "_.-/".indexOf(s.charAt(j)) >= 0)) j++;
            while (j > i + 1 && ".-/".indexOf(s.charAt(j - 1)) >= 0) j--;
            return j > i + 1 ? j : i + 1;
        }
        if (Character.isDigit(c)) {
            int j = i + 1;
            while (j < n) {
                char d = s.charAt(j);
                if (Character.isLetterOrDigit(d) || d == '_') j++;
                else if (".:,/-".indexOf(d) >= 0 && j + 1 < n && Character.isLetterOrDigit(s.charAt(j + 1))) j += 2;
                else break;
            }
            if (j < n && s.charAt(j) == '%') j++;
            return j;
        }
        if (letter(c)) {
            int j = i + 1;
            while (j < n) {
                char d = s.charAt(j);
                if (letter(d) || Character.isDigit(d)) j++;
                else if ("-_./".indexOf(d) >= 0 && j + 1 < n && (letter(s.charAt(j + 1)) || Character.isDigit(s.charAt(j + 1)))) j += 2;
                else break;
            }
            return j;
        }
        if ((c == '\'' || c == '’') && i + 1 < n) {
            for (String clitic : CLITICS) {
                if (s.regionMatches(true, i + 1, clitic, 0, clitic.length())) {
                    int j = i + 1 + clitic.length();
                    if (j == n || !Character.isLetterOrDigit(s.charAt(j))) return j;
                }
            }
        }
        return i + 1;
    }

    private static final String[] CLITICS = {"ve", "re", "ll", "s", "d", "m", "t"};

    private static boolean letter(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /** The tokens with full lemmas, the vocabulary's too ("suffered" -> suffer): for sentences past the screen. */
    List<Token> lemmatised(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String lemma = lexicon.lemma(t.lower());
            out.add(lemma.equals(t.lemma()) ? t : new Token(t.text(), t.lower(), lemma, t.tag(), t.start(), t.end()));
        }
        return out;
    }

    private void add(List<Token> out, String t, int start) {
        String[] forms = SEEN.get(t);
        if (forms == null) {
            String lower = t.toLowerCase(Locale.ROOT).replace('’', '\'');
            if (lower.equals("'ve")) lower = "have";
            lower = mend(lower);
            String lemma = lexicon.listedLemma(lower);
            forms = new String[]{lower, lemma == null ? lower : lemma};
            if (SEEN.size() < 200_000) SEEN.put(t, forms);
        }
        out.add(new Token(t, forms[0], forms[1], "", start, start + t.length()));
    }

    /** Each word as written, to its mended lower case and listed lemma: worked out once per process. */
    private static final Map<String, String[]> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    /** A misspelling of a word the rules look for, mended: "forgott" -> "forgot", "eror" -> "error", "shoud" -> "should". */
    String mend(String lower) {
        if (lower.length() < 4 || !Character.isLetter(lower.charAt(0)) || typoTargets.containsKey(lower) || lexicon.listed(lower)) return lower;
        // candidates one edit away; with two readings ("shold": should or scold?) the likelier spelling of blame wins
        String found = null;
        java.util.List<String> hits = new ArrayList<>();
        for (String d : deletes(lower)) {
            String target = typoTargets.get(d);
            if (target != null) hits.add(target);
            String hit = deletionIndex().get(d);
            if (hit != null && !hit.isEmpty()) hits.add(hit);
        }
        String hit = deletionIndex().get(lower);
        if (hit != null && !hit.isEmpty()) hits.add(hit);
        int rank = Integer.MAX_VALUE;
        for (String h : hits) {
            if (!within1(lower, h)) continue;
            int r = rankOf(h);
            if (r < rank) { rank = r; found = h; }
        }
        // a real word one letter from a trigger ("cold", "mixed") is not a typo; only now is the vocabulary needed
        if (found == null || lexicon.isEnglish(lower)) return lower;
        return found;
    }

    private int rankOf(String target) {
        return Typos.index(lexicon).ranks().getOrDefault(target, Integer.MAX_VALUE);
    }

    private Map<String, String> deletionIndex() {
        return Typos.index(lexicon).deletions();
    }

    private static List<String> deletes(String w) {
        List<String> out = new ArrayList<>(w.length());
        for (int i = 0; i < w.length(); i++) out.add(w.substring(0, i) + w.substring(i + 1));
        return out;
    }

    /** Damerau-Levenshtein distance at most 1. */
    static boolean within1(String a, String b) {
        if (a.equals(b)) return true;
        int la = a.length(), lb = b.length();
        if (Math.abs(la - lb) > 1) return false;
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) i++;
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) return true;
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i) && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }
}
