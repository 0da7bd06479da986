package io.hindsight.core.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Faults the in-memory fakes inject into their calls, as a real Jira or Confluence would fail: a call
 * refused before it did anything (a 500), a call carried out whose answer was lost (a timeout after the
 * write landed), or a transient refusal (429) for a number of tries. Every fault that fires is recorded,
 * so a test can check that the failure it meant to cause really happened.
 */
public final class Faults {
    public enum Kind { REFUSED, ANSWER_LOST, TRANSIENT }

    /** A failure the fakes throw; {@code kind} says what happened to the call. */
    public static final class InjectedFailure extends RuntimeException {
        public final Kind kind;

        InjectedFailure(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    private record Rule(Pattern call, int nth, Kind kind, int times) {
    }

    private record Landing(Pattern call, java.time.Duration latency) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Landing> landings = new ArrayList<>();
    private final Map<Rule, Integer> seen = new HashMap<>();
    private final Map<Rule, Integer> firedTimes = new HashMap<>();
    private final List<String> fired = new ArrayList<>();
    private int calls;

    /** Fails the {@code nth} call (counting every call the fakes get, 1-based) whose name matches {@code call}. */
    public synchronized Faults failNth(String call, int nth, Kind kind) {
        rules.add(new Rule(Pattern.compile(call), nth, kind, 1));
        return this;
    }

    /** Refuses matching calls {@code times} times in a row with a transient failure (429-like), from the first. */
    public synchronized Faults storm(String call, int times) {
        rules.add(new Rule(Pattern.compile(call), 1, Kind.TRANSIENT, times));
        return this;
    }

    /**
     * The next matching call is carried out late: its answer never comes (the client times out), and what it
     * does lands {@code latency} later, as a slow Jira finishes a bulk create after the client gave up.
     */
    public synchronized Faults landLater(String call, java.time.Duration latency) {
        landings.add(new Landing(Pattern.compile(call), latency));
        return this;
    }

    /** For a fake: whether this call lands late, and how late (the rule is used up). */
    synchronized java.util.Optional<java.time.Duration> lateBy(String call) {
        for (java.util.Iterator<Landing> it = landings.iterator(); it.hasNext(); ) {
            Landing l = it.next();
            if (!l.call().matcher(call).matches()) continue;
            it.remove();
            fired.add("LANDS_LATER " + call + " (call " + calls + ")");
            return java.util.Optional.of(l.latency());
        }
        return java.util.Optional.empty();
    }

    public synchronized void clear() {
        rules.clear();
        landings.clear();
        seen.clear();
        firedTimes.clear();
    }

    /** What fired, in order: "REFUSED createTickets (call 3)". */
    public synchronized List<String> fired() {
        return List.copyOf(fired);
    }

    /** How many calls the fakes have had since they were made. */
    public synchronized int calls() {
        return calls;
    }

    /** Before a call: throws when a REFUSED or TRANSIENT fault is due, and the call must not happen. */
    synchronized void before(String call) {
        calls++;
        for (Rule r : rules) {
            if (!r.call().matcher(call).matches()) continue;
            int n = seen.merge(r, 1, Integer::sum);
            if (r.kind() == Kind.ANSWER_LOST) continue;
            if (n >= r.nth() && firedTimes.getOrDefault(r, 0) < r.times()) fire(r, call);
        }
    }

    /** After a call was carried out: throws when its answer is to be lost. */
    synchronized void after(String call) {
        for (Rule r : rules) {
            if (r.kind() != Kind.ANSWER_LOST || !r.call().matcher(call).matches()) continue;
            if (seen.getOrDefault(r, 0) == r.nth() && firedTimes.getOrDefault(r, 0) < r.times()) fire(r, call);
        }
    }

    private void fire(Rule r, String call) {
        firedTimes.merge(r, 1, Integer::sum);
        String what = r.kind() + " " + call + " (call " + calls + ")";
        fired.add(what);
        throw new InjectedFailure(r.kind(), switch (r.kind()) {
            case REFUSED -> "500 Internal Server Error: " + call;
            case ANSWER_LOST -> "the answer to " + call + " was lost; it may have been carried out";
            case TRANSIENT -> "429 Too Many Requests: " + call;
        });
    }
}
