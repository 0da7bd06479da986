package io.hindsight.server.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.WebhookIntake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The service's HTTP side: webhook intake and health. Answers fast; the worker does the syncing. */
public final class HttpService implements AutoCloseable {
    private final java.util.List<UpstreamCheck> upstreams;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final WebhookIntake intake;
    private final JobQueue queue;
    private final Metrics metrics;

    static {
        // without TCP_NODELAY every answer waits ~40 ms on the client's delayed ACK (headers and body go out apart)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public HttpService(String host, int port, WebhookIntake intake, JobQueue queue) throws IOException {
        this(host, port, intake, queue, new Metrics(queue, Metrics.Requests.NONE));
    }

    public HttpService(String host, int port, WebhookIntake intake, JobQueue queue, Metrics metrics) throws IOException {
        this(host, port, intake, queue, metrics, java.util.List.of());
    }

    /** @param upstreams what must answer besides the job store for /readyz to say ready (Jira) */
    public HttpService(String host, int port, WebhookIntake intake, JobQueue queue, Metrics metrics, java.util.List<UpstreamCheck> upstreams) throws IOException {
        this.upstreams = java.util.List.copyOf(upstreams);
        this.intake = intake;
        this.queue = queue;
        this.metrics = metrics;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.createContext("/webhooks/jira", this::webhook);
        server.createContext("/healthz", ex -> send(ex, 200, "ok\n", "text/plain"));
        server.createContext("/readyz", this::ready);
        server.createContext("/metrics", ex -> send(ex, 200, metrics.text(), "text/plain; version=0.0.4"));
        server.setExecutor(executor);
        server.start();
    }

    /** Adds a handler under a path prefix, e.g. the JSON API under /api/. */
    public HttpService mount(String prefix, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(prefix, handler);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void webhook(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            send(ex, 405, "{\"error\":\"POST only\"}", "application/json");
            return;
        }
        byte[] body = Exchanges.body(ex, WebhookIntake.MAX_BODY);
        WebhookIntake.Outcome outcome = intake.receive(body, Exchanges.header(ex, "X-Atlassian-Webhook-Identifier"), Exchanges.header(ex, "X-Hub-Signature"));
        metrics.delivery(label(outcome));
        send(ex, status(outcome), "{\"outcome\":\"" + outcome.describe().replace("\"", "'") + "\"}", "application/json");
    }

    /** Jira retries what is not answered 2xx: a delivery taken (queued or ignored) is 202; a refused one says why. */
    static int status(WebhookIntake.Outcome outcome) {
        if (!(outcome instanceof WebhookIntake.Refused r)) return 202;
        return switch (r.why()) {
            case TOO_LARGE -> 413;
            case NOT_SIGNED -> 401;
            case NOT_JSON -> 400;
        };
    }

    /** The {@code outcome} label of {@code hindsight_webhook_deliveries_total}: queued, joined, duplicate, ignored, refused. */
    static String label(WebhookIntake.Outcome outcome) {
        if (outcome instanceof WebhookIntake.Queued q) return q.how().name().toLowerCase(java.util.Locale.ROOT);
        return outcome instanceof WebhookIntake.Ignored ? "ignored" : "refused";
    }

    private void ready(HttpExchange ex) throws IOException {
        try {
            long queued = queue.counts().get(Job.Status.QUEUED);
            java.util.List<String> problems = upstreams.stream().flatMap(u -> u.problem().stream()).toList();
            if (!problems.isEmpty()) {
                send(ex, 503, "not ready: " + String.join("; ", problems) + "\n", "text/plain");
                return;
            }
            send(ex, 200, "ready; " + queued + " job(s) queued\n", "text/plain");
        } catch (RuntimeException e) {
            send(ex, 503, "not ready: the job store cannot be read: " + e.getMessage() + "\n", "text/plain");
        }
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
