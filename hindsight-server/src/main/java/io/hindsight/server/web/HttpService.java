package io.hindsight.server.web;

import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.WebhookIntake;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's HTTP side on Jetty 12: the webhook intake, health, readiness and metrics, and whatever is
 * mounted under a path (the JSON API, the web page). It answers fast; the workers do the syncing.
 * <p>
 * Built to stay up under the clients a network brings:
 * <ul>
 * <li>request headers have a deadline ({@link HeaderDeadline}) and a connection that goes quiet is closed
 * (idle timeout);</li>
 * <li>bodies are read without holding a thread, and no further than the route takes: a declared length
 * above it is refused at once, a chunked body as soon as it passes the limit, both with a 413 the client
 * can read; a body that takes longer than its deadline gets 408;</li>
 * <li>handlers run on bounded pools of their own once the body is in: webhook deliveries on one, the API and
 * the page (which may wait on Jira) on another, so a slow Jira cannot leave Jira's webhooks unanswered;
 * slow or numerous callers can use up a pool and its queue (then 503), never the threads that answer
 * {@code /healthz}, {@code /readyz} and {@code /metrics}.</li>
 * </ul>
 */
public final class HttpService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

    /**
     * How the HTTP side holds up against slow and greedy clients.
     *
     * @param headerTimeout  the most a request's headers may take to arrive once begun
     * @param idleTimeout    a connection with no traffic for this long is closed
     * @param bodyTimeout    the most a request's body may take to arrive
     * @param intakeThreads  webhook deliveries stored at once (each a short database transaction)
     * @param handlerThreads calls to the API and the page handled at once (they may wait on Jira)
     * @param waitingCalls   calls that may wait for a thread, in each of the two pools; beyond them, 503
     */
    public record Limits(Duration headerTimeout, Duration idleTimeout, Duration bodyTimeout, int intakeThreads, int handlerThreads, int waitingCalls) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 8, 16, 256);
        }
    }

    /** Where to listen, the limits, and which reverse proxies' forwarding headers to believe. */
    public record Options(String host, int port, Limits limits, TrustedProxies proxies) {
        public static Options of(String host, int port) {
            return new Options(host, port, Limits.defaults(), TrustedProxies.NONE);
        }
    }

    /** The most of a refused body that is read and dropped so that its 413 reaches the client; past it the connection is cut. */
    static final long DRAIN_MOST = 32L << 20;

    /** Where calls under a path prefix go, the largest body they take, and the threads that run them. */
    private record Mount(String prefix, int maxBody, Route route, ThreadPoolExecutor pool) {
    }

    private final Options options;
    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor intakePool;
    private final ThreadPoolExecutor handlers;
    private final ScheduledExecutorService timers;
    private final WebhookIntake intake;
    private final JobQueue queue;
    private final Metrics metrics;
    private final List<UpstreamCheck> upstreams;
    private final Map<String, Route> probes = new LinkedHashMap<>();
    private final List<Mount> mounts = new CopyOnWriteArrayList<>();

    public HttpService(String host, int port, WebhookIntake intake, JobQueue queue) throws IOException {
        this(host, port, intake, queue, new Metrics(queue, Metrics.Requests.NONE));
    }

    public HttpService(String host, int port, WebhookIntake intake, JobQueue queue, Metrics metrics) throws IOException {
        this(host, port, intake, queue, metrics, List.of());
    }

    /** @param upstreams what must answer besides the job store for /readyz to say ready (Jira) */
    public HttpService(String host, int port, WebhookIntake intake, JobQueue queue, Metrics metrics, List<UpstreamCheck> upstreams) throws IOException {
        this(Options.of(host, port), intake, queue, metrics, upstreams);
    }

    /** @throws IOException when the address cannot be listened on */
    public HttpService(Options options, WebhookIntake intake, JobQueue queue, Metrics metrics, List<UpstreamCheck> upstreams) throws IOException {
        this.options = options;
        this.intake = intake;
        this.queue = queue;
        this.metrics = metrics;
        this.upstreams = List.copyOf(upstreams);
        Limits limits = options.limits();
        // two pools: deliveries are stored in milliseconds, while the API and the page may wait on Jira for
        // a minute; a slow Jira must not leave Jira's own webhooks unanswered
        this.intakePool = pool(limits.intakeThreads(), limits.waitingCalls(), "hindsight-http-intake-");
        this.handlers = pool(limits.handlerThreads(), limits.waitingCalls(), "hindsight-http-handler-");
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hindsight-http-timer"));

        // Jetty's own threads: the selector and acceptor, reading and writing without blocking, and the probes;
        // the handlers' work never runs here
        QueuedThreadPool threads = new QueuedThreadPool(24, 4);
        threads.setName("hindsight-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(16 * 1024);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.setErrorHandler(new PlainErrors());
        server.setHandler(new Entry());

        probes.put("/healthz", call -> Reply.text(200, "ok\n"));
        probes.put("/readyz", call -> ready());
        probes.put("/metrics", call -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.text().getBytes(StandardCharsets.UTF_8), Map.of(),
                Duration.ZERO));
        mounts.add(new Mount("/webhooks/jira", WebhookIntake.MAX_BODY, this::webhook, intakePool));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw e instanceof IOException io ? io : new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        HeaderDeadline deadline = new HeaderDeadline(connector, limits.headerTimeout());
        long tick = HeaderDeadline.tick(limits.headerTimeout()).toMillis();
        timers.scheduleAtFixedRate(deadline, tick, tick, TimeUnit.MILLISECONDS);
    }

    private static ThreadPoolExecutor pool(int threads, int waiting, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, waiting)),
                r -> daemon(r, name + count.incrementAndGet()));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Adds a route under a path prefix (the JSON API under /api/, the page at /), taking bodies up to 1 MiB. */
    public HttpService mount(String prefix, Route route) {
        return mount(prefix, 1 << 20, route);
    }

    /** Adds a route under a path prefix, taking bodies up to {@code maxBody} bytes; a later mount of the same prefix replaces it. */
    public HttpService mount(String prefix, int maxBody, Route route) {
        mounts.removeIf(m -> m.prefix().equals(prefix));
        mounts.add(new Mount(prefix, maxBody, route, handlers));
        mounts.sort(Comparator.comparingInt((Mount m) -> m.prefix().length()).reversed());
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    private Mount mountFor(String path) {
        for (Mount m : mounts) {
            if (path.equals(m.prefix()) || path.startsWith(m.prefix().endsWith("/") ? m.prefix() : m.prefix() + "/")) return m;
        }
        return null;
    }

    /**
     * Where every request enters. It never blocks, so Jetty may call it on the thread that read the headers:
     * probes are handed to Jetty's pool, everything else to its route's pool once its body is in (one
     * hand-over per request, as few as the old server made).
     */
    private final class Entry extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getDecodedPath();
            Route probe = probes.get(path);
            if (probe != null) {
                server.getThreadPool().execute(() -> Exchanges.send(response, callback, safely(probe, Exchanges.call(request, new byte[0], false, options.proxies())), false));
                return true;
            }
            Mount mount = path == null ? null : mountFor(path);
            if (mount == null) {
                Exchanges.send(response, callback, Reply.json(404, Map.of("error", "nothing here: " + path)), false);
                return true;
            }
            if (request.getLength() > mount.maxBody()) {
                // declared too large: answered before a byte of it is read
                handOn(mount, Exchanges.call(request, new byte[0], true, options.proxies()), request, response, callback, true);
                return true;
            }
            BodyReader.read(request, mount.maxBody())
                    .orTimeout(options.limits().bodyTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((body, failure) -> {
                        if (failure == null) {
                            handOn(mount, Exchanges.call(request, body, false, options.proxies()), request, response, callback, false);
                        } else if (unwrap(failure) instanceof BodyReader.TooLarge) {
                            // a chunked body that passed the limit: reading stopped there
                            handOn(mount, Exchanges.call(request, new byte[0], true, options.proxies()), request, response, callback, true);
                        } else if (unwrap(failure) instanceof TimeoutException) {
                            Exchanges.send(response, callback, Reply.json(408, Map.of("error", "the request's body did not arrive within "
                                    + options.limits().bodyTimeout().toSeconds() + " s")), true);
                        } else {
                            callback.failed(failure); // the client went away mid-body: nobody to answer
                        }
                    });
            return true;
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Runs the route on a handler thread (the caller's body is in), then writes its answer, after its delay if it has one. */
    private void handOn(Mount mount, Call call, Request request, Response response, Callback callback, boolean close) {
        try {
            mount.pool().execute(() -> {
                Reply reply = safely(mount.route(), call);
                // a body left unread is read and dropped after the answer, so the client can read the answer
                Callback completes = close ? Drain.then(request, DRAIN_MOST, callback) : callback;
                if (reply.delay().isZero() || reply.delay().isNegative()) {
                    Exchanges.send(response, completes, reply, close);
                } else {
                    timers.schedule(() -> Exchanges.send(response, completes, reply, close), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        } catch (RejectedExecutionException busy) {
            metrics.busy();
            Exchanges.send(response, callback, Reply.json(503, Map.of("error", "the service is busy; try again in a few seconds")).with("Retry-After", "5"), close);
        }
    }

    private static Reply safely(Route route, Call call) {
        try {
            return route.handle(call);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", call.method(), call.path(), e);
            return Reply.json(500, Map.of("error", "internal error: " + e.getMessage()));
        }
    }

    private Reply webhook(Call call) {
        if (!call.post()) return Reply.json(405, Map.of("error", "POST only")).with("Allow", "POST");
        WebhookIntake.Outcome outcome = call.tooLarge() ? intake.tooLarge() : intake.receive(call.body(), call.header("X-Atlassian-Webhook-Identifier"),
                call.header("X-Hub-Signature"));
        metrics.delivery(label(outcome));
        if (outcome instanceof WebhookIntake.Refused r) {
            metrics.refused(r.why().name().toLowerCase(Locale.ROOT));
            // a forged or broken delivery is worth a line; a too-long field means Jira sent something we cannot store
            LOG.warn("webhook delivery from {} refused: {}", call.client(), r.reason());
        }
        return new Reply(status(outcome), "application/json", answer(outcome).getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
    }

    /** The body of the answer to a delivery: JSON written by Jackson, whatever the reason says. */
    static String answer(WebhookIntake.Outcome outcome) {
        return Reply.json(200, Map.of("outcome", outcome.describe())).text();
    }

    /** Jira retries what is not answered 2xx: a delivery taken (queued or ignored) is 202; a refused one says why. */
    static int status(WebhookIntake.Outcome outcome) {
        if (!(outcome instanceof WebhookIntake.Refused r)) return 202;
        return switch (r.why()) {
            case TOO_LARGE -> 413;
            case NOT_SIGNED -> 401;
            case NOT_JSON, FIELD_TOO_LONG -> 400;
        };
    }

    /** The {@code outcome} label of {@code hindsight_webhook_deliveries_total}: queued, joined, duplicate, ignored, refused. */
    static String label(WebhookIntake.Outcome outcome) {
        if (outcome instanceof WebhookIntake.Queued q) return q.how().name().toLowerCase(Locale.ROOT);
        return outcome instanceof WebhookIntake.Ignored ? "ignored" : "refused";
    }

    private Reply ready() {
        long queued;
        try {
            queued = queue.counts().get(Job.Status.QUEUED);
        } catch (RuntimeException e) {
            return Reply.text(503, "not ready: the job store cannot be read: " + e.getMessage() + "\n");
        }
        List<String> problems = upstreams.stream().flatMap(u -> u.problem().stream()).toList();
        if (!problems.isEmpty()) return Reply.text(503, "not ready: " + String.join("; ", problems) + "\n");
        List<String> notes = new ArrayList<>();
        upstreams.forEach(u -> u.note().ifPresent(notes::add));
        return Reply.text(200, "ready; " + queued + " job(s) queued" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)) + "\n");
    }

    /**
     * Jetty's own answers (a request line it cannot parse, headers too large, a path it refuses) in plain
     * text, with the headers every answer carries, and without naming the server or its version.
     */
    private static final class PlainErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object status = request.getAttribute(ERROR_STATUS);
            int code = status instanceof Integer i ? i : response.getStatus();
            Exchanges.send(response, callback, Reply.text(code, code + " " + reason(code) + "\n"), false);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            Exchanges.ALWAYS.forEach(fields::put);
            fields.put("Content-Type", "text/plain; charset=utf-8");
            return ByteBuffer.wrap((status + " " + reason(status) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        private static String reason(int code) {
            String r = org.eclipse.jetty.http.HttpStatus.getMessage(code);
            return r == null ? "" : r;
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping the HTTP server: {}", e.getMessage());
        }
        intakePool.shutdownNow();
        handlers.shutdownNow();
        timers.shutdownNow();
    }

    @Override
    public void close() {
        stopQuietly();
    }
}
