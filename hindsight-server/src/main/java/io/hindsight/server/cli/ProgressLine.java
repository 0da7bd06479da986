package io.hindsight.server.cli;

import io.hindsight.core.usecase.BuildReport;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress of a long run on standard error ({@code [12/340] PM-88 ... about 3m 10s left}), so standard
 * output stays clean for JSON and CSV. Quiet for a single item; at most one line per {@code every} unless
 * a line carries news of its own.
 */
final class ProgressLine implements BuildReport.Progress {
    private final PrintWriter err;
    private final Duration every;
    private final LongSupplier nanos;
    private final long started;
    private long lastPrinted = Long.MIN_VALUE;

    ProgressLine(PrintWriter err, Duration every, LongSupplier nanos) {
        this.err = err;
        this.every = every;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
    }

    static ProgressLine on(PrintWriter err, Duration every) {
        return new ProgressLine(err, every, System::nanoTime);
    }

    @Override
    public void step(int done, int total, String key) {
        step(done, total, key, null);
    }

    /** @param news what happened to this item, worth a line of its own (null: only progress) */
    void step(int done, int total, String key, String news) {
        if (total < 2) return;
        long now = nanos.getAsLong();
        if (news == null && done < total && lastPrinted != Long.MIN_VALUE && now - lastPrinted < every.toNanos()) return;
        lastPrinted = now;
        Duration elapsed = Duration.ofNanos(now - started);
        String left = done == total ? "done in " + human(elapsed) : "about " + human(elapsed.multipliedBy(total - done).dividedBy(done)) + " left";
        err.printf("[%d/%d] %s%s; %s%n", done, total, key, news == null ? "" : ": " + news, left);
        err.flush();
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m " + (s % 60) + "s";
        return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
}
