package io.hindsight.bench;

import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.TextUnit;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.blameless.BlamelessChecker;
import io.hindsight.core.model.SectionKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the blameless checker costs per sentence, warm: a sentence the cheap screen lets go (most of a
 * post-mortem) and one it passes to the tagger and the rules. {@link #main} prints the one-off costs of
 * a cold process: reading the lexicon and vocabulary, the part-of-speech model and the blame classifier.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlamelessBenchmark {
    private BlamelessChecker checker;
    private TextUnit clean;
    private TextUnit candidate;

    @Setup
    public void setUp() {
        checker = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE);
        clean = new TextUnit("2026-11-02 09:14 UTC Step 42 of the response: replica set 2 re-synced, error rate 7%", SectionKind.TIMELINE, "Timeline", 1, false);
        candidate = new TextUnit("The on-call engineer should have checked the replica lag before the migration started.", SectionKind.SUMMARY, "Summary", 1, false);
        Checker.findings(checker, candidate);
    }

    @Benchmark
    public List<Finding> screenedOut() {
        return Checker.findings(checker, clean);
    }

    @Benchmark
    public List<Finding> taggedAndRead() {
        return Checker.findings(checker, candidate);
    }

    /** Cold costs, in a fresh JVM: {@code java -cp benchmarks.jar io.hindsight.bench.BlamelessBenchmark}. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        BlamelessChecker c = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE);
        long t1 = System.nanoTime();
        Checker.findings(c, new TextUnit("14:05 the replica re-synced.", SectionKind.TIMELINE, "Timeline", 1, false));
        long t2 = System.nanoTime();
        List<Finding> f = Checker.findings(c, new TextUnit("Tomasz forgot to renew the certificate.", SectionKind.SUMMARY, "Summary", 1, false));
        long t3 = System.nanoTime();
        System.out.printf("lexicon and vocabulary read: %.0f ms%n", (t1 - t0) / 1e6);
        System.out.printf("first screened-out sentence: %.1f ms%n", (t2 - t1) / 1e6);
        System.out.printf("first tagged sentence (part-of-speech model read in %.0f ms): %.0f ms, %d finding(s)%n",
                BlamelessChecker.modelLoadMillis(), (t3 - t2) / 1e6, f.size());
        System.out.printf("blame classifier model read in %.0f ms (in the warm-up thread, beside the others)%n", BlamelessChecker.classifierLoadMillis());
    }
}
