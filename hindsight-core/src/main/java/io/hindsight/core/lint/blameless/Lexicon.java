package io.hindsight.core.lint.blameless;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The words the checker reasons with: the curated lists in {@code lexicon.txt} (roles, teams, systems,
 * predicates) and an English vocabulary with person and group senses, derived from WordNet 3.1
 * ({@code english-words.txt.gz}, see docs/blameless-checker.md). Both are read once per process.
 */
final class Lexicon {
    private static final String BASE = "/io/hindsight/core/lint/blameless/";

    private final Map<String, Set<String>> lists;
    private final Set<String> listed = new HashSet<>();
    private final Map<String, String> irregular;

    private Lexicon() {
        lists = readLists();
        lists.values().forEach(listed::addAll);
        // "mess up", "take down": their verbs are lemmatised like any listed word
        for (Set<String> words : lists.values()) for (String w : words) if (w.contains(" ")) listed.add(w.substring(0, w.indexOf(' ')));
        irregular = irregularForms();
    }

    private static final class Holder {
        static final Lexicon INSTANCE = new Lexicon();
    }

    /** The vocabulary (68,000 words) is read apart, on first use: the screen does not need it. */
    private static final class Vocabulary {
        static final Map<String, Character> WORDS = readEnglish();
    }

    /** Reads what the first sentence worth a closer look will need, in the background, once per process. */
    static void warmUp(Runnable alsoRead) {
        Thread t = new Thread(() -> {
            english();
            alsoRead.run();
            Tagger.loadMillis();
        }, "hindsight-blameless-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static Map<String, Character> english() {
        return Vocabulary.WORDS;
    }

    /** The lexicon, read on first use; the JVM's class initialisation makes this thread-safe. */
    static Lexicon get() {
        return Holder.INSTANCE;
    }

    /** True when the lemma is in the named list of {@code lexicon.txt}. */
    boolean in(String list, String lemma) {
        Set<String> words = lists.get(list);
        if (words == null) throw new IllegalArgumentException("no list [" + list + "] in lexicon.txt");
        return words.contains(lemma);
    }

    Set<String> list(String list) {
        Set<String> words = lists.get(list);
        if (words == null) throw new IllegalArgumentException("no list [" + list + "] in lexicon.txt");
        return words;
    }

    /** True when the word (lower case, any inflection) is a common English word. */
    boolean isEnglish(String lower) {
        Map<String, Character> english = english();
        if (english.containsKey(lower)) return true;
        for (String l : candidates(lower)) if (english.containsKey(l)) return true;
        return false;
    }

    /** WordNet says every noun sense of the lemma is a person ('P'), or some are ('p'); groups 'G'/'g'; else 0. */
    char senses(String word) {
        Character c = english().get(word);
        if (c == null) c = english().get(lemma(word));
        return c == null ? 0 : c;
    }

    /**
     * The base form of a word, by irregular forms and suffix rules, preferring a form that is in the
     * lexicon or the vocabulary: "forgotten" -> forget, "deleted" -> delete, "teams" -> team.
     */
    String lemma(String lower) {
        String listedLemma = listedLemma(lower);
        if (listedLemma != null) return listedLemma;
        List<String> candidates = candidates(lower);
        Map<String, Character> english = english();
        String best = null;
        boolean inflected = lower.endsWith("ed") || lower.endsWith("ing") || lower.endsWith("s");
        if (!inflected && english.containsKey(lower)) return lower;
        // the longest base form that is a word: "lies" -> lie (not "li"), "deleted" -> delete
        for (String c : candidates) if (english.containsKey(c) && (best == null || c.length() > best.length())) best = c;
        return best != null ? best : lower;
    }

    /**
     * The base form when it is a word of the lexicon's lists, else null; needs no vocabulary, so the
     * screen can afford it for every word.
     */
    String listedLemma(String lower) {
        String irr = irregular.get(lower);
        if (irr != null) return irr;
        if (listed.contains(lower)) return lower;
        String best = null;
        for (String c : candidates(lower)) if (listed.contains(c) && (best == null || c.length() > best.length())) best = c;
        return best;
    }

    /** True when the word is in any list of the lexicon or in the vocabulary. */
    boolean known(String w) {
        return listed.contains(w) || english().containsKey(w);
    }

    boolean listed(String w) {
        return listed.contains(w);
    }

    /** Base forms a word may have, most likely first. */
    static List<String> candidates(String w) {
        int n = w.length();
        List<String> out = new java.util.ArrayList<>(4);
        if (n > 4 && w.endsWith("ies")) out.add(w.substring(0, n - 3) + "y");
        if (n > 4 && w.endsWith("ied")) out.add(w.substring(0, n - 3) + "y");
        if (n > 3 && w.endsWith("es")) out.add(w.substring(0, n - 2));
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss")) out.add(w.substring(0, n - 1));
        if (n > 4 && w.endsWith("ed")) {
            String stem = w.substring(0, n - 2);
            out.add(stem);
            out.add(stem + "e");
            if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) out.add(stem.substring(0, stem.length() - 1));
        }
        if (n > 5 && w.endsWith("ing")) {
            String stem = w.substring(0, n - 3);
            out.add(stem);
            out.add(stem + "e");
            if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) out.add(stem.substring(0, stem.length() - 1));
        }
        if (n > 4 && w.endsWith("ly")) out.add(w.substring(0, n - 2));
        return out;
    }

    private static Map<String, Set<String>> readLists() {
        Map<String, Set<String>> out = new HashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(BASE + "lexicon.txt")) {
            if (in == null) throw new IllegalStateException(BASE + "lexicon.txt is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                line = line.strip();
                if (line.isEmpty()) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = out.computeIfAbsent(line.substring(1, line.length() - 1), k -> new HashSet<>());
                    continue;
                }
                if (current == null) throw new IllegalStateException("lexicon.txt: words before the first [list]");
                for (String w : line.split("\\s+")) current.add(w.toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, Character> readEnglish() {
        Map<String, Character> out = new HashMap<>(100_000);
        try (InputStream in = Lexicon.class.getResourceAsStream(BASE + "english-words.txt.gz")) {
            if (in == null) throw new IllegalStateException(BASE + "english-words.txt.gz is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab < 0) out.put(line, (char) 0);
                else out.put(line.substring(0, tab), line.charAt(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Irregular verb forms the rules care about (and a few common ones), to their base form. */
    private static Map<String, String> irregularForms() {
        String table = "broke:break broken:break took:take taken:take brought:bring forgot:forget forgotten:forget "
                + "forgott:forget forgoten:forget ran:run wrote:write written:write made:make threw:throw thrown:throw "
                + "blew:blow blown:blow knew:know known:know saw:see seen:see went:go gone:go did:do done:do does:do "
                + "had:have has:have was:be were:be is:be are:be been:be being:be am:be got:get gotten:get "
                + "lost:lose left:leave struck:strike stricken:strike overrode:override overridden:override "
                + "overwrote:overwrite overwritten:overwrite mistook:mistake mistaken:mistake fell:fall fallen:fall "
                + "sent:send kept:keep told:tell thought:think caught:catch drove:drive driven:drive gave:give "
                + "given:give spoke:speak spoken:speak chose:choose chosen:choose froze:freeze frozen:freeze "
                + "hid:hide hidden:hide led:lead felt:feel meant:mean built:build dug:dig hung:hang won:win "
                + "sold:sell paid:pay laid:lay said:say heard:hear found:find held:hold fought:fight "
                + "tore:tear torn:tear wore:wear worn:wear shook:shake shaken:shake woke:wake woken:wake "
                + "misled:mislead misread:misread drew:draw drawn:draw grew:grow grown:grow flew:fly flown:fly "
                + "undid:undo undone:undo redid:redo redone:redo rewrote:rewrite rewritten:rewrite reran:rerun "
                + "retook:retake retaken:retake withdrew:withdraw withdrawn:withdraw foresaw:foresee foreseen:foresee "
                + "people:people staff:staff folks:folk shut:shut put:put set:set cut:cut let:let hit:hit quit:quit "
                + "ca:can wo:will n't:not dropt:drop sat:sit mistyped:mistype mistyping:mistype";
        Map<String, String> m = new HashMap<>();
        for (String pair : table.split(" ")) {
            int c = pair.lastIndexOf(':');
            m.put(pair.substring(0, c), pair.substring(c + 1));
        }
        return m;
    }
}
