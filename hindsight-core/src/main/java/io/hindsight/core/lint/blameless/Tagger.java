package io.hindsight.core.lint.blameless;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Parts of speech from Apache OpenNLP's English Universal Dependencies model
 * ({@code opennlp-models-pos-en}, 1.2 MB). The model is read once per process, on the first sentence
 * that needs it; taggers are not thread-safe, so each thread borrows one from a small pool.
 */
final class Tagger {
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static final class Holder {
        static final POSModel MODEL = load();
        static final long LOAD_NANOS = loadNanos;
    }

    private static long loadNanos;
    private static final ConcurrentLinkedQueue<POSTaggerME> POOL = new ConcurrentLinkedQueue<>();

    private Tagger() {
    }

    private static POSModel load() {
        long t0 = System.nanoTime();
        try (InputStream in = Tagger.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the English part-of-speech model " + MODEL + " is not on the class path: "
                        + "add org.apache.opennlp:opennlp-models-pos-en to the runtime");
            }
            POSModel m = new POSModel(in);
            loadNanos = System.nanoTime() - t0;
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the part-of-speech model " + MODEL, e);
        }
    }

    /** Tags the tokens in place (a new list with tags). */
    static List<Token> tag(List<Token> tokens) {
        if (tokens.isEmpty()) return tokens;
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) words[i] = tokens.get(i).text();
        POSTaggerME tagger = POOL.poll();
        if (tagger == null) tagger = new POSTaggerME(Holder.MODEL);
        String[] tags;
        try {
            tags = tagger.tag(words);
        } finally {
            POOL.offer(tagger);
        }
        Token[] out = new Token[words.length];
        for (int i = 0; i < words.length; i++) out[i] = tokens.get(i).withTag(tags[i]);
        return List.of(out);
    }

    /** How long reading the model took, in milliseconds (loads it if it was not yet). */
    static double loadMillis() {
        return Holder.LOAD_NANOS / 1e6;
    }
}
