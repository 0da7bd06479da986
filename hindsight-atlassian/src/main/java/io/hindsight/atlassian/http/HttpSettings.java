package io.hindsight.atlassian.http;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Transport settings for one site.
 *
 * @param connectTimeout   how long to wait for a connection
 * @param requestTimeout   how long to wait for a whole response (the read timeout)
 * @param maxAttempts      tries per request, the first included
 * @param maxRetryWait     the most the retries of one request may wait in total
 * @param initialBackoff   the first backoff; doubled on each retry, with full jitter
 * @param maxBackoff       the longest single backoff
 * @param proxy            an HTTP proxy, or null
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration maxRetryWait,
                           Duration initialBackoff, Duration maxBackoff, InetSocketAddress proxy) {
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofSeconds(90),
                Duration.ofMillis(500), Duration.ofSeconds(30), null);
    }

    public HttpSettings withRetries(int attempts, Duration initial, Duration max, Duration maxWait) {
        return new HttpSettings(connectTimeout, requestTimeout, attempts, maxWait, initial, max, proxy);
    }

    public HttpSettings withTimeouts(Duration connect, Duration request) {
        return new HttpSettings(connect, request, maxAttempts, maxRetryWait, initialBackoff, maxBackoff, proxy);
    }

    public HttpSettings withProxy(InetSocketAddress address) {
        return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, maxRetryWait, initialBackoff, maxBackoff, address);
    }
}
