package io.hindsight.atlassian.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests sent (retries included), reads and writes, per endpoint: the engine's and benchmarks' gauge. */
public final class RequestCounter {
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Map<String, AtomicLong> perEndpoint = new ConcurrentHashMap<>();

    void sent(ApiRequest request, boolean retry) {
        (request.write() ? writes : reads).incrementAndGet();
        if (retry) retries.incrementAndGet();
        perEndpoint.computeIfAbsent(request.method() + " " + request.path().replaceAll("/([A-Z][A-Z0-9_]+-\\d+|\\d{3,})(?=/|$)", "/{id}"),
                k -> new AtomicLong()).incrementAndGet();
    }

    public long requests() { return reads.get() + writes.get(); }
    public long reads() { return reads.get(); }
    public long writes() { return writes.get(); }
    public long retries() { return retries.get(); }

    public Map<String, Long> perEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        perEndpoint.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** A snapshot to subtract from: {@code counter.since(before)}. */
    public Snapshot snapshot() {
        return new Snapshot(reads.get(), writes.get(), retries.get());
    }

    public record Snapshot(long reads, long writes, long retries) {
        public long requests() {
            return reads + writes;
        }

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(reads - earlier.reads, writes - earlier.writes, retries - earlier.retries);
        }

        /** The line {@code --stats} prints. */
        public String line() {
            return "requests: " + requests() + " reads: " + reads + " writes: " + writes;
        }
    }
}
