package io.hindsight.server.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows token guessing down without ever locking the right token out. Each wrong token from an address
 * (on the API or the page) is answered later than the one before: the delay doubles from {@code first}
 * with each failure within {@code window}, up to {@code most}. The answers of one address go out one
 * after another, so sending guesses side by side does not speed guessing up: an address gets one wrong
 * answer per {@code most} at best. An address whose answers are already lined up for longer than
 * {@link #QUEUE} is told to come back later (429) at once, so the line stays short.
 * <p>
 * The right token is checked before any of this and never waits: behind a reverse proxy that is not
 * trusted, everyone shares one address, and one person's typos must not lock the others out.
 */
public final class SignInThrottle {
    /** How far ahead answers to one address may be lined up before further wrong tokens are told to come back later. */
    static final Duration QUEUE = Duration.ofMinutes(1);

    private final Duration first;
    private final Duration most;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** One address's recent failures and the time its next wrong answer may go out. */
    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant nextAnswer = Instant.MIN;
    }

    /** What to do with a wrong token: answer it after {@code delay}, or tell the caller to come back in {@code retryIn}. */
    public record Penalty(Duration delay, Optional<Duration> retryIn) {
    }

    public SignInThrottle(Duration first, Duration most, Duration window, Clock clock) {
        this.first = first;
        this.most = most;
        this.window = window;
        this.clock = clock;
    }

    /** A quarter of a second after the first wrong token, doubling to 8 s; failures count for 10 minutes. */
    public static SignInThrottle defaults() {
        return new SignInThrottle(Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofMinutes(10), Clock.systemUTC());
    }

    /** Records a wrong token from {@code address}; says how long its answer waits. */
    public Penalty failed(String address) {
        Instant now = clock.instant();
        if (failures.size() > 10_000) failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue().times, now);
                return e.getValue().times.isEmpty() && e.getValue().nextAnswer.isBefore(now);
            }
        });
        Failures f = failures.computeIfAbsent(address, a -> new Failures());
        synchronized (f) {
            prune(f.times, now);
            Instant start = f.nextAnswer.isAfter(now) ? f.nextAnswer : now;
            if (Duration.between(now, start).compareTo(QUEUE) > 0) return new Penalty(Duration.ZERO, Optional.of(Duration.between(now, start)));
            f.times.addLast(now);
            Instant answer = start.plus(delay(f.times.size()));
            f.nextAnswer = answer;
            return new Penalty(Duration.between(now, answer), Optional.empty());
        }
    }

    /** The delay after the {@code n}th recent failure: {@code first}, doubling, at most {@code most}. */
    Duration delay(int n) {
        long millis = first.toMillis() << Math.min(20, Math.max(0, n - 1));
        return Duration.ofMillis(Math.min(most.toMillis(), millis));
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant since = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) times.removeFirst();
    }
}
