package io.hindsight.core.lint.blameless;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the words of a sentence that are someone else's, or named to be rejected, so the rules do not
 * read them as the author's: anything in quotes (straight, curly, single, double, guillemets, backticks),
 * and what follows "instead of writing", "rather than saying", "we removed the sentence", "calling it",
 * "we do not write", "avoid phrases like", "did not conclude that"... up to the end of the clause.
 */
final class Quotes {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Opening and closing marks; a single quote opens only at a word start and closes only at a word end. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]{1,300}\"|“[^”\"]{1,300}[”\"]|„[^“”]{1,300}[“”]|«[^»]{1,300}»|"
            + "‹[^›]{1,300}›|``[^`]{1,300}``|`[^`]{1,300}`|''[^']{1,300}''|"
            + "(?<![\\p{L}\\p{N}])'(?=\\S)[^']{1,300}(?<=\\S)'(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])‘[^’]{1,300}’(?![\\p{L}\\p{N}])|https?://\\S+");
    private static final String META_NOUN = "(?:sentence|phrase|phrasing|line|word|wording|term|claim|statement|label|headline|title|"
            + "comment|card|framing|language|conclusion|verdict|description|characteri[sz]ation|narrative|version|draft)s?";
    /** Cues after which the rest of the clause is named, not asserted. */
    private static final Pattern CUE = Pattern.compile(
            "\\b(?:instead\\s+of|rather\\s+than)(?:\\s+(?:writing|saying|calling|blaming|stating|concluding|claiming|describing|labell?ing|framing|suggesting|putting))?\\b"
                    + "|\\b(?:do|does|did|will|would|should|must|can|could)(?:\\s+not|n['’]t)\\s+(?:\\w+\\s+)?(?:write|say|conclude|claim|call|imply|suggest|state|blame|label|accept|frame)\\b"
                    + "|\\bnot\\s+(?:to\\s+)?(?:say|write|blame|call|conclude|claim|imply|suggest|label)(?:ing)?\\b"
                    + "|\\bno\\s+longer\\s+(?:write|say|use|call)\\b"
                    + "|\\b(?:avoid|avoids|avoided|avoiding|ban|banned|forbid|discourage)\\s+(?:writing|saying|calling|using|blaming|labell?ing|words|phrases|terms|labels|language|the\\s+(?:word|phrase|term|label|language))"
                    + "|\\b(?:words|phrases|terms|labels|language|expressions)\\s+(?:like|such\\s+as)\\b"
                    + "|\\bcalling\\s+(?:it|this|that|them|the\\s+\\w+)\\b"
                    + "|\\b(?:asked|wondered|discussed|debated|considered|questioned)\\s+(?:whether|if)\\b"
                    + "|\\b(?:the|a|this|that|our|its|their)\\s+(?:\\w+\\s+)?" + META_NOUN + "\\b(?=[^.;]*\\b(?:remov|struck|strike|delet|dropp|replac|rewr|rewor|reword|rephras|chang|edit|object|flag|disagre|retract|withdr|cross|renam|cut|reject|wrong|false|unfair|untrue|incorrect|mislead|unhelpful|not\\s+appear|nowhere|never\\s+appear|avoid|ban))"
                    + "|\\b(?:remov|struck|strike|delet|dropp|replac|rewr|rewor|reword|rephras|chang|edit|cut|reject|cross(?:ed)?\\s+out)\\w*\\s+(?:the|a|this|that|every|each|any)\\s+(?:\\w+\\s+)?" + META_NOUN + "\\b"
                    + "|^\\s*(?:saying|writing|claiming|concluding|suggesting|implying|blaming)\\b"
                    + "|\\b(?:nobody|no\\s+one|none\\s+of\\s+us)\\s+(?:here\\s+|involved\\s+)?(?:thinks?|thought|believes?|believed|says?|said|claims?|claimed|blames?|blamed|suggests?|suggested|(?:is|are)\\s+saying|(?:is|are)\\s+suggesting)\\b"
                    + "|\\b(?:easy|tempting|unfair|wrong|misleading)\\s+to\\s+(?:say|blame|conclude|call|write|claim|think|assume|suggest)\\b"
                    + "|\\bnot\\s+that\\b",
            FLAGS);
    private static final Pattern REPORTED = Pattern.compile("\\b(?:wrote|said|says|claimed|claims|suggested|assumed|thought|believed|speculated|guessed|insisted|alleged|tweeted|posted)\\s+(?:that\\s+)?", FLAGS);
    private static final Pattern CONTRADICTED = Pattern.compile(";|\\bbut\\b|\\bhowever\\b|\\bin fact\\b|\\bactually\\b|\\bturned out\\b|\\bshows?\\b|\\bshowed\\b|\\bfound\\b|\\bwrong(?:ly)?\\b|\\bincorrect(?:ly)?\\b", FLAGS);
    /**
     * Words one of the cues needs: a cheap test before the long pattern (a regular expression doing the same test cost more
     * than the whole classifier). A word counts when it is listed, listed without a final "s", or starts with a listed stem.
     */
    private static final java.util.Set<String> CUE_WORDS = java.util.Set.of("instead", "rather", "not", "longer", "avoid", "avoids", "avoided",
            "avoiding", "ban", "banned", "forbid", "discourage", "like", "such", "calling", "whether", "if", "sentence", "phrase", "phrasing", "line",
            "word", "wording", "term", "claim", "statement", "label", "headline", "title", "comment", "card", "framing", "language", "conclusion",
            "verdict", "description", "narrative", "version", "draft", "saying", "writing", "claiming", "concluding", "suggesting", "implying",
            "blaming", "nobody", "no", "none", "easy", "tempting", "unfair", "wrong", "misleading", "expressions", "cannot");
    /** Words that may contradict a reported claim ({@link #CONTRADICTED}); a ";" counts too. */
    private static final java.util.Set<String> CONTRADICTING_WORDS = java.util.Set.of("but", "however", "fact", "actually", "turned", "show", "shows",
            "showed", "found", "wrong", "wrongly", "incorrect", "incorrectly");

    private Quotes() {
    }

    /** Which characters of the sentence are quoted or named for rejection. */
    static boolean[] mask(String s) {
        boolean[] masked = new boolean[s.length()];
        Clues clues = Clues.of(s);
        if (clues.quoteMark) {
            Matcher q = QUOTED.matcher(s);
            while (q.find()) fill(masked, q.start(), q.end());
        }
        // "people wrote that Nomvula broke production; the timeline shows ...": reported, then contradicted
        if (clues.contradiction && CONTRADICTED.matcher(s).find()) {
            Matcher r = REPORTED.matcher(s);
            while (r.find()) fill(masked, r.start(), clauseEnd(s, r.end(), masked));
        }
        // the cue pattern is long; most sentences have none of the words it starts from
        if (!clues.cue) return masked;
        Matcher c = CUE.matcher(s);
        while (c.find()) fill(masked, c.start(), clauseEnd(s, c.end(), masked));
        return masked;
    }

    /**
     * What one pass over the characters tells: a quote mark or a link, a word that may contradict, a word a cue needs.
     * Each is a superset of what its pattern needs, so the patterns still decide.
     */
    private record Clues(boolean quoteMark, boolean contradiction, boolean cue) {
        static Clues of(String s) {
            boolean quote = s.contains("http://") || s.contains("https://"), contradiction = false, cue = false;
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (QUOTE_MARKS.indexOf(c) >= 0) quote = true;
                if (c == ';') contradiction = true;
                if (!wordChar(c)) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && wordChar(s.charAt(i))) i++;
                // "didn't", "can't": the letters up to the apostrophe end the word; "n't" is a cue of its own
                if (i + 1 < n && (s.charAt(i) == '\'' || s.charAt(i) == '’') && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'T')
                        && i > start && Character.toLowerCase(s.charAt(i - 1)) == 'n') cue = true;
                if (cue && contradiction) continue;
                char[] w0 = new char[i - start];
                for (int k = start; k < i; k++) w0[k - start] = fold(s.charAt(k));
                String w = new String(w0);
                if (CONTRADICTING_WORDS.contains(w)) contradiction = true;
                if (CUE_WORDS.contains(w) || (w.endsWith("s") && CUE_WORDS.contains(w.substring(0, w.length() - 1))) || w.startsWith("characteri")) cue = true;
            }
            return new Clues(quote, contradiction, cue);
        }

        /** A letter the patterns' case-insensitive matching takes for an ASCII one ("İ", "ı", "ſ" and "K" count, "é" does not). */
        private static boolean wordChar(char c) {
            char l = fold(c);
            return l >= 'a' && l <= 'z';
        }

        /** As {@code UNICODE_CASE} compares: by the upper case, then the lower ("ſ" is "s", "ı" is "i"). */
        private static char fold(char c) {
            return Character.toLowerCase(Character.toUpperCase(c));
        }
    }

    private static final String QUOTE_MARKS = "\"“”„«»‹›`'‘’";
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:.!?—–]|\\s-\\s|\\bbut\\b|\\bbecause\\b", FLAGS);

    /** Where the clause that goes on at {@code from} ends; a comma inside quotes or right at the start does not end it. */
    private static int clauseEnd(String s, int from, boolean[] masked) {
        Matcher end = CLAUSE_END.matcher(s);
        while (from < s.length() && end.find(from)) {
            if (masked[end.start()] || end.start() == from) {
                from = end.end();
                continue;
            }
            return end.start();
        }
        return s.length();
    }

    private static void fill(boolean[] m, int from, int to) {
        for (int i = from; i < to && i < m.length; i++) m[i] = true;
    }
}
