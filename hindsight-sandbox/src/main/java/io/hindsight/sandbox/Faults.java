package io.hindsight.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Faults the sandbox injects, for resilience tests: an error status (429 with Retry-After, 500, 503),
 * latency, a dropped connection, or a failure on the Nth matching request. Each rule applies to
 * requests whose "METHOD path" matches its pattern, a limited number of times.
 */
public final class Faults {
    /** DROP closes the connection before the request is carried out; DROP_AFTER carries it out, then closes without answering. */
    public enum Kind { STATUS, LATENCY, DROP, DROP_AFTER }

    /**
     * @param match     regex over "METHOD /path", e.g. {@code POST /rest/api/2/issue.*}; ".*" for all
     * @param skip      matching requests to let through before the rule fires (for "fail the Nth request", skip N-1)
     * @param times     how many matching requests it affects after the skipped ones
     */
    public record Rule(String match, Kind kind, int status, int retryAfterSeconds, long latencyMillis, int skip, int times) {
        public static Rule status(String match, int status, int times) {
            return new Rule(match, Kind.STATUS, status, 0, 0, 0, times);
        }

        public static Rule rateLimit(String match, int retryAfterSeconds, int times) {
            return new Rule(match, Kind.STATUS, 429, retryAfterSeconds, 0, 0, times);
        }

        public static Rule latency(String match, long millis, int times) {
            return new Rule(match, Kind.LATENCY, 0, 0, millis, 0, times);
        }

        public static Rule drop(String match, int times) {
            return new Rule(match, Kind.DROP, 0, 0, 0, 0, times);
        }

        /** The Nth matching request is carried out, but its answer never arrives: the worst case for a client. */
        public static Rule lostAnswerOnNth(String match, int n) {
            return new Rule(match, Kind.DROP_AFTER, 0, 0, 0, n - 1, 1);
        }

        /** The Nth matching request (1-based) fails with {@code status}; the ones before it pass. */
        public static Rule failNth(String match, int n, int status) {
            return new Rule(match, Kind.STATUS, status, 0, 0, n - 1, 1);
        }
    }

    private static final class Active {
        final Rule rule;
        final Pattern pattern;
        final AtomicLong seen = new AtomicLong();
        final AtomicLong fired = new AtomicLong();

        Active(Rule rule) {
            this.rule = rule;
            this.pattern = Pattern.compile(rule.match());
        }
    }

    private final List<Active> rules = new ArrayList<>();
    /** How often rules with each pattern fired, kept after a rule is used up. */
    private final java.util.Map<String, Long> fired = new java.util.HashMap<>();

    public synchronized void add(Rule rule) {
        rules.add(new Active(rule));
    }

    public synchronized void clear() {
        rules.clear();
    }

    /**
     * How many requests rules with this pattern have hit so far (a LATENCY rule counts when the request arrives,
     * before it is held): tests wait for it to act while a request is in flight.
     */
    public synchronized long fired(String match) {
        return fired.getOrDefault(match, 0L);
    }

    /** The fault for this request, if a rule fires; used-up rules are removed. */
    synchronized Optional<Rule> fire(String method, String path) {
        String line = method + " " + path;
        for (Iterator<Active> it = rules.iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (!a.pattern.matcher(line).matches()) continue;
            if (a.seen.incrementAndGet() <= a.rule.skip()) continue;
            if (a.fired.incrementAndGet() >= a.rule.times()) it.remove();
            fired.merge(a.rule.match(), 1L, Long::sum);
            return Optional.of(a.rule);
        }
        return Optional.empty();
    }
}
