package io.hindsight.atlassian.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;

/**
 * Sends {@link ApiRequest}s to one Jira or Confluence site with {@code java.net.http}: signs them,
 * retries 429 and, for requests safe to repeat, 5xx and lost connections, with jittered exponential
 * backoff that honours {@code Retry-After} (and Cloud's {@code X-RateLimit-Reset}), bounded in count
 * and total wait. Failures become typed {@link AtlassianException}s. Credentials are never logged.
 */
public final class AtlassianHttp {
    private static final Logger LOG = LoggerFactory.getLogger(AtlassianHttp.class);

    /** Waits between retries; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final URI baseUrl;
    private final Credentials credentials;
    private final HttpSettings settings;
    private final HttpClient client;
    private final RequestCounter counter;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random jitter;
    private final String product;
    private volatile java.util.function.BiConsumer<ApiRequest, ApiResponse> listener = (q, r) -> { };

    /**
     * @param product "Jira" or "Confluence", for messages
     */
    public AtlassianHttp(String product, URI baseUrl, Credentials credentials, HttpSettings settings, RequestCounter counter,
                         Sleeper sleeper, Clock clock, Random jitter) {
        this.product = product;
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        this.credentials = credentials;
        this.settings = settings;
        this.counter = counter;
        this.sleeper = sleeper;
        this.clock = clock;
        this.jitter = jitter;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.proxy() != null) b.proxy(ProxySelector.of(settings.proxy()));
        this.client = b.build();
    }

    public static AtlassianHttp create(String product, URI baseUrl, Credentials credentials, HttpSettings settings, RequestCounter counter) {
        return new AtlassianHttp(product, baseUrl, credentials, settings, counter, d -> Thread.sleep(d.toMillis()),
                Clock.systemUTC(), new Random());
    }

    /** Sees every request with the response it got (retries included): for tests, tracing and metrics. */
    public AtlassianHttp onExchange(java.util.function.BiConsumer<ApiRequest, ApiResponse> listener) {
        this.listener = listener;
        return this;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public RequestCounter counter() {
        return counter;
    }

    public ApiResponse send(ApiRequest request) {
        Instant giveUpAt = clock.instant().plus(settings.maxRetryWait());
        for (int attempt = 1; ; attempt++) {
            counter.sent(request, attempt > 1);
            long started = System.nanoTime();
            ApiResponse response;
            try {
                response = exchange(request);
            } catch (IOException e) {
                AtlassianException.Transport.Reason reason = AtlassianException.Transport.Reason.of(e);
                // a connection that was never made cannot have carried the request, so even a create may be sent again
                if (!request.idempotent() && !reason.neverArrived()) {
                    throw new AtlassianException.OutcomeUnknown(product + " did not answer " + request.describe() + " (" + what(reason, e)
                            + "); it may have been carried out, so it is not repeated blindly", request.describe(), 0, e);
                }
                // an unknown host, a failed handshake or a connect timeout will not mend in seconds; a refused connection
                // gets one more try (a restart behind a load balancer), not a minute of backoff a person waits through
                int attempts = switch (reason) {
                    case UNKNOWN_HOST, TLS, CONNECT_TIMEOUT -> 1;
                    case REFUSED -> Math.min(2, settings.maxAttempts());
                    default -> settings.maxAttempts();
                };
                if (attempt >= attempts || !waitBeforeRetry(request, attempt, backoff(attempt), giveUpAt, what(reason, e))) {
                    throw new AtlassianException.Transport(unreachable(reason, e, request, attempt), request.describe(), reason, product, e);
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AtlassianException.Transport("interrupted while calling " + request.describe(), request.describe(), e);
            }
            LOG.debug("{} {} -> {} in {} ms", product, request.describe(), response.status(), (System.nanoTime() - started) / 1_000_000);
            listener.accept(request, response);
            if (response.ok()) return response;
            boolean retryable = response.status() == 429 || (response.status() >= 500 && request.idempotent());
            if (retryable && attempt < settings.maxAttempts()) {
                Duration wait = retryAfter(response).orElse(backoff(attempt));
                if (waitBeforeRetry(request, attempt, wait, giveUpAt, "HTTP " + response.status())) continue;
            }
            throw failure(request, response, attempt);
        }
    }

    private ApiResponse exchange(ApiRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery()))
                .timeout(settings.requestTimeout())
                .header("Authorization", credentials.authorizationHeader())
                .header("User-Agent", "Hindsight/0.1");
        request.headers().forEach(b::header);
        // Jira refuses cookie-less POSTs from browsers unless told this is no XSRF risk
        if (!request.method().equals("GET")) b.header("X-Atlassian-Token", "no-check");
        b.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        java.util.Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return new ApiResponse(r.statusCode(), headers, r.body());
    }

    /** What a person is told when no answer came: what happened, where, and what to check. */
    private String unreachable(AtlassianException.Transport.Reason reason, IOException e, ApiRequest request, int attempts) {
        String via = settings.proxy() == null ? "" : " through the proxy " + settings.proxy().getHostString() + ":" + settings.proxy().getPort();
        String host = baseUrl.getHost() == null ? String.valueOf(baseUrl) : baseUrl.getHost();
        String tries = attempts > 1 ? " (" + attempts + " attempts)" : "";
        return switch (reason) {
            case UNKNOWN_HOST -> "cannot reach " + product + " at " + baseUrl + via + ": the host name '" + (settings.proxy() == null ? host
                    : settings.proxy().getHostString()) + "' is unknown (DNS has no such name): check its spelling, or this machine's DNS";
            case REFUSED -> "cannot reach " + product + " at " + baseUrl + via + ": the connection was refused" + tries + " (nothing listens on "
                    + (settings.proxy() == null ? host + ":" + port() : "the proxy's port") + ", or a firewall rejects it): check the port, and that "
                    + (settings.proxy() == null ? product : "the proxy") + " is running";
            case TLS -> "cannot reach " + product + " at " + baseUrl + via + ": the TLS handshake failed (" + e.getMessage() + "): the port may not speak "
                    + "HTTPS (try http://), or Java does not trust the site's certificate (add its CA to a truststore: -Djavax.net.ssl.trustStore=...)";
            case CONNECT_TIMEOUT -> "cannot reach " + product + " at " + baseUrl + via + ": no connection within " + settings.connectTimeout().toSeconds()
                    + " s (packets dropped by a firewall, the wrong address, or a proxy needed: --proxy)";
            case TIMEOUT -> product + " at " + baseUrl + via + " did not answer " + request.describe() + " within " + settings.requestTimeout().toSeconds()
                    + " s" + tries;
            case CONNECTION_LOST -> product + " at " + baseUrl + via + " closed the connection before answering " + request.describe() + tries
                    + " (" + e + ")";
        };
    }

    private int port() {
        return baseUrl.getPort() > 0 ? baseUrl.getPort() : "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
    }

    /** A short name for a failure, for logs and the outcome-unknown message. */
    private static String what(AtlassianException.Transport.Reason reason, IOException e) {
        return switch (reason) {
            case TIMEOUT -> "timed out";
            case CONNECTION_LOST -> "connection lost: " + e;
            default -> reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /** False when the wait would pass the request's retry budget. */
    private boolean waitBeforeRetry(ApiRequest request, int attempt, Duration wait, Instant giveUpAt, String why) {
        if (clock.instant().plus(wait).isAfter(giveUpAt)) return false;
        LOG.warn("{} {}: {}; retrying in {} ms (attempt {} of {})", product, request.describe(), why, wait.toMillis(),
                attempt + 1, settings.maxAttempts());
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Exponential backoff with full jitter: a random wait up to initial * 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(settings.maxBackoff().toMillis(), settings.initialBackoff().toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(ceiling / 2 + (long) (jitter.nextDouble() * (ceiling / 2.0)));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; else Cloud's {@code X-RateLimit-Reset} timestamp. */
    Optional<Duration> retryAfter(ApiResponse r) {
        Optional<String> header = r.header("Retry-After").or(() -> r.header("Beta-Retry-After"));
        if (header.isPresent()) {
            String v = header.get().strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException e) {
                try {
                    return Optional.of(nonNegative(Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())));
                } catch (DateTimeParseException ignored) {
                    // fall through to the reset header
                }
            }
        }
        return r.header("X-RateLimit-Reset").flatMap(v -> {
            try {
                return Optional.of(nonNegative(Duration.between(clock.instant(), Instant.parse(v.strip()))));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private AtlassianException failure(ApiRequest request, ApiResponse r, int attempts) {
        ErrorBody error = ErrorBody.parse(r.body());
        String said = error.summary().isEmpty() ? "" : ": " + error.summary();
        String what = product + " answered " + r.status() + " to " + request.describe() + said;
        String req = request.describe();
        return switch (r.status()) {
            case 400 -> new AtlassianException.BadRequest(what, req, error, r.body());
            case 401 -> new AtlassianException.Unauthorized(what + ". Check the credentials: Data Center takes a personal access token,"
                    + " Cloud an account email with an API token (" + credentials + ")", req, error);
            case 403 -> new AtlassianException.Forbidden(what + ". The account is signed in but lacks a permission for this", req, error);
            case 404 -> new AtlassianException.NotFound(what + ". It does not exist or this account cannot see it", req, error);
            case 409 -> new AtlassianException.Conflict(what, req, error);
            case 429 -> new AtlassianException.RateLimited(what + " (rate limited; gave up after " + attempts + " attempt(s))", req, error,
                    retryAfter(r).map(Duration::toSeconds).orElse(0L));
            default -> {
                if (r.status() >= 500 && !request.idempotent()) {
                    yield new AtlassianException.OutcomeUnknown(what + "; it may have been carried out, so it is not repeated blindly",
                            req, r.status(), null);
                }
                if (r.status() >= 500) yield new AtlassianException.ServerError(what + " (after " + attempts + " attempt(s))", req, r.status(), error);
                yield new AtlassianException.Refused(what, req, r.status(), error);
            }
        };
    }
}
