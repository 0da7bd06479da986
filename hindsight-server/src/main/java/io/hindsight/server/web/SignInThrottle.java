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
 * Slows down token guessing: after {@code limit} failed sign-ins (a wrong API token, on the web page or
 * the API) from one address within {@code window}, that address is refused until the window has moved
 * past its failures. The token is long enough not to be guessed anyway; this keeps guessing out of the
 * logs and off Jira's back.
 */
public final class SignInThrottle {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public static SignInThrottle defaults() {
        return new SignInThrottle(10, Duration.ofMinutes(10), Clock.systemUTC());
    }

    /** How long the address must wait before trying again; empty when it may try now. */
    public Optional<Duration> waitFor(String address) {
        Deque<Instant> f = failures.get(address);
        if (f == null) return Optional.empty();
        synchronized (f) {
            prune(f);
            if (f.size() < limit) return Optional.empty();
            return Optional.of(Duration.between(clock.instant(), f.peekFirst().plus(window)).plusSeconds(1));
        }
    }

    public void failed(String address) {
        if (failures.size() > 10_000) failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue());
                return e.getValue().isEmpty();
            }
        });
        Deque<Instant> f = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (f) {
            prune(f);
            f.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> f) {
        Instant since = clock.instant().minus(window);
        while (!f.isEmpty() && f.peekFirst().isBefore(since)) f.removeFirst();
    }
}
