package io.hindsight.jira.queue;

import java.time.Duration;

/**
 * How hard the queue tries: attempts before the dead-letter list, the backoff between them, and how long a
 * node may hold a job before another node assumes it died.
 */
public record QueuePolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease) {
    public static final QueuePolicy DEFAULT = new QueuePolicy(6, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(15));

    /** For the Spring context: six attempts over about half an hour, a 15-minute lease. */
    public static QueuePolicy defaults() {
        return DEFAULT;
    }

    public QueuePolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    /** The wait before the attempt after {@code failedAttempts}: doubling from the first backoff, capped. */
    public Duration backoffAfter(int failedAttempts) {
        Duration d = firstBackoff;
        for (int i = 1; i < failedAttempts && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
