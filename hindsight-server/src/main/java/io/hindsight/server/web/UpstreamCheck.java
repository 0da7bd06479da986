package io.hindsight.server.web;

import io.hindsight.atlassian.http.AtlassianException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Whether a system the service depends on (Jira, Confluence) answers. It is probed on a schedule, not
 * per request: a load balancer's probe must answer at once, and must not turn into load on Jira.
 * <p>
 * A site that rate-limits Hindsight (429) is up: it answered, and taking the service out of rotation would
 * not make it answer sooner. The probe then keeps its last answer and backs off, as Jira asks (Retry-After)
 * and doubling while the limiting lasts, so that the probes are not what keeps the limit in force.
 */
public final class UpstreamCheck {
    /** How often a site that answers is probed. */
    public static final Duration EVERY = Duration.ofSeconds(30);
    /** How often the scheduler calls {@link #refresh()}. */
    public static final Duration TICK = Duration.ofSeconds(10);
    /** The longest a rate-limited site goes unprobed. */
    static final Duration MOST = Duration.ofMinutes(10);

    private final String name;
    private final Callable<?> probe;
    private final Clock clock;
    private String problem = "not checked yet";
    private String note;
    private Instant nextProbe = Instant.MIN;
    private Duration backoff = Duration.ZERO;

    /** @param probe a cheap request that throws when the system cannot be used */
    public UpstreamCheck(String name, Callable<?> probe) {
        this(name, probe, Clock.systemUTC());
    }

    public UpstreamCheck(String name, Callable<?> probe, Clock clock) {
        this.name = name;
        this.probe = probe;
        this.clock = clock;
    }

    /**
     * Probes, unless the last answer asked to wait: a site that answered is probed every {@link #EVERY}, a
     * rate-limiting one when its backoff has passed, a failing one at every call (the scheduler calls this
     * every {@link #TICK}).
     */
    public void refresh() {
        synchronized (this) {
            if (clock.instant().isBefore(nextProbe)) return;
        }
        try {
            probe.call();
            settle(null, null, Duration.ZERO, EVERY);
        } catch (AtlassianException.RateLimited e) {
            Duration asked = Duration.ofSeconds(Math.max(0, e.retryAfterSeconds()));
            Duration doubled;
            synchronized (this) {
                doubled = backoff.isZero() ? EVERY : backoff.multipliedBy(2);
            }
            Duration wait = max(asked, min(doubled, MOST));
            // a site that never answered otherwise is still up: a 429 is an answer
            String last;
            synchronized (this) {
                last = "not checked yet".equals(problem) ? null : problem;
            }
            settle(last, "rate limited by " + name + "; next check in " + wait.toSeconds() + " s", wait, wait);
        } catch (Exception e) {
            // down: look again at the scheduler's next tick, so that the service is back in rotation soon after the site
            settle(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), null, Duration.ZERO, Duration.ZERO);
        }
    }

    private synchronized void settle(String problem, String note, Duration backoff, Duration next) {
        this.problem = problem;
        this.note = note;
        this.backoff = backoff;
        this.nextProbe = clock.instant().plus(next);
    }

    /** What is wrong, as of the last probe that told; empty when it answered. */
    public synchronized Optional<String> problem() {
        return problem == null ? Optional.empty() : Optional.of(name + ": " + problem);
    }

    /** Something worth knowing that does not make the service unready (the site is rate limiting it). */
    public synchronized Optional<String> note() {
        return Optional.ofNullable(note);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
