package io.hindsight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hindsight.sandbox.confluence.ConfluenceApi;
import io.hindsight.sandbox.confluence.ConfluenceState;
import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The sandbox's HTTP front: signs users in as each flavour does, injects faults, logs and counts
 * requests, routes, and answers errors in each product's own shape.
 */
final class SandboxServer {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Router router = new Router();
    private final Flavor flavor;
    final JiraState jira = new JiraState();
    final ConfluenceState confluence = new ConfluenceState();
    final Faults faults = new Faults();
    final RequestLog log = new RequestLog();
    final Webhooks webhooks;
    final JiraApi jiraApi;
    private final String baseUrl;

    static {
        // without TCP_NODELAY every answer waits ~40 ms on the client's delayed ACK (headers and body go out apart)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    SandboxServer(Flavor flavor, String host, int port, Clock clock) throws IOException {
        this.flavor = flavor;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        this.webhooks = new Webhooks(clock);
        Seed.jira(jira);
        Seed.confluence(confluence);
        this.jiraApi = new JiraApi(jira, flavor, clock, baseUrl, webhooks);
        webhooks.attach(jiraApi);
        JiraApi.Route on = router::on;
        jiraApi.routes(on);
        new ConfluenceApi(confluence, flavor, clock, baseUrl).routes(on);
        new HtmlView(jira, jiraApi, confluence).routes(on);
        adminRoutes(on);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    String baseUrl() {
        return baseUrl;
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Resets the sites to the seed, and clears faults, the log and webhooks. */
    void reset() {
        synchronized (jira) {
            jira.projects.clear();
            jira.issueTypes.clear();
            jira.fields.clear();
            jira.statuses.clear();
            jira.transitions.clear();
            jira.users.clear();
            jira.linkTypes.clear();
            jira.links.clear();
            jira.filters.clear();
            jira.boards.clear();
            jira.screens.clear();
            jira.screenFields.clear();
            jira.issuesByKey.clear();
            jira.issuesById.clear();
            Seed.jira(jira);
        }
        synchronized (confluence) {
            confluence.spaces.clear();
            confluence.pages.clear();
            Seed.confluence(confluence);
        }
        faults.clear();
        log.clear();
        webhooks.clear();
    }

    private void adminRoutes(JiraApi.Route on) {
        on.add("GET", "/sandbox/log", ex -> {
            ObjectNode body = Exchange.object().put("requests", log.apiEntries().size()).put("reads", log.reads()).put("writes", log.writes());
            ObjectNode per = body.putObject("perEndpoint");
            log.perEndpoint().forEach(per::put);
            ArrayNode entries = body.putArray("entries");
            log.entries().forEach(e -> entries.addObject().put("method", e.method()).put("path", e.path()).put("status", e.status()).put("micros", e.micros()));
            ex.ok(body);
        });
        on.add("POST", "/sandbox/reset", ex -> {
            reset();
            ex.noContent();
        });
        on.add("POST", "/sandbox/faults", ex -> {
            JsonNode b = ex.json();
            faults.add(new Faults.Rule(b.path("match").asText(".*"), Faults.Kind.valueOf(b.path("kind").asText("STATUS")),
                    b.path("status").asInt(503), b.path("retryAfterSeconds").asInt(0), b.path("latencyMillis").asLong(0),
                    b.path("skip").asInt(0), b.path("times").asInt(1)));
            ex.respond(201, null);
        });
        on.add("DELETE", "/sandbox/faults", ex -> {
            faults.clear();
            ex.noContent();
        });
        on.add("POST", "/sandbox/webhooks", ex -> {
            JsonNode b = ex.json();
            Set<String> events = new HashSet<>();
            b.path("events").forEach(e -> events.add(e.asText()));
            Webhooks.Registration r = webhooks.register(b.path("url").asText(), b.path("secret").asText(null), events);
            ex.respond(201, Exchange.object().put("id", r.id()));
        });
        on.add("GET", "/sandbox/webhooks/deliveries", ex -> {
            ArrayNode a = Exchange.array();
            webhooks.deliveries().forEach(d -> a.addObject().put("identifier", d.identifier()).put("event", d.event()).put("issue", d.issueKey())
                    .put("url", d.url()).put("status", d.status()));
            ex.ok(a);
        });
        // Jira Data Center's own webhook registration
        on.add("POST", "/rest/webhooks/1.0/webhook", ex -> {
            JsonNode b = ex.json();
            Set<String> events = new HashSet<>();
            b.path("events").forEach(e -> events.add(e.asText()));
            Webhooks.Registration r = webhooks.register(b.path("url").asText(), b.path("secret").asText(null), events);
            ex.respond(201, Exchange.object().put("self", baseUrl + "/rest/webhooks/1.0/webhook/" + r.id()).put("name", b.path("name").asText())
                    .put("url", r.url()).put("enabled", true));
        });
    }

    private void handle(HttpExchange http) throws IOException {
        long started = System.nanoTime();
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getRawPath();
        String decodedPath = http.getRequestURI().getPath();
        try {
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean admin = decodedPath.startsWith("/sandbox");
            String user = admin ? "sandbox" : signIn(http.getRequestHeaders().getFirst("Authorization"));
            Exchange ex = new Exchange(method, decodedPath, http.getRequestURI().getRawQuery(), body, user);
            boolean loseAnswer = false;
            if (!admin) {
                Optional<Faults.Rule> fault = faults.fire(method, decodedPath);
                if (fault.isPresent()) {
                    Faults.Rule f = fault.get();
                    switch (f.kind()) {
                        case DROP -> {
                            // close without a response: the client sees the connection end
                            logged(method, decodedPath, 0, started);
                            http.getResponseBody().close();
                            http.close();
                            return;
                        }
                        case LATENCY -> sleep(f.latencyMillis());
                        case DROP_AFTER -> loseAnswer = true;
                        case STATUS -> {
                            if (f.retryAfterSeconds() > 0) http.getResponseHeaders().add("Retry-After", String.valueOf(f.retryAfterSeconds()));
                            throw new SandboxError(f.status(), f.status() == 429 ? "Rate limit exceeded." : "Injected fault: " + f.status());
                        }
                    }
                }
            }
            Consumer<Exchange> handler = router.route(ex).orElseThrow(() -> new SandboxError(404, "null for uri: " + baseUrl + path));
            handler.accept(ex);
            logged(method, decodedPath, loseAnswer ? 0 : ex.status, started);
            if (loseAnswer) {
                http.getResponseBody().close();
                http.close();
                return;
            }
            send(http, ex.status, ex.contentType, ex.responseBody, ex.responseHeaders);
        } catch (SandboxError e) {
            logged(method, decodedPath, e.status(), started);
            send(http, e.status(), "application/json", errorBody(decodedPath, e).toString(), java.util.Map.of());
        } catch (RuntimeException e) {
            LOG.error("sandbox failed on {} {}", method, path, e);
            logged(method, decodedPath, 500, started);
            send(http, 500, "application/json", new SandboxError(500, "Internal server error: " + e).jiraBody().toString(), java.util.Map.of());
        }
    }

    /** Logged before the response leaves, so a client that counts right after its answer sees its own request. */
    private void logged(String method, String path, int status, long started) {
        log.add(new RequestLog.Entry(method, path, status, (System.nanoTime() - started) / 1000));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each product answers errors in its own shape. */
    private ObjectNode errorBody(String path, SandboxError e) {
        if (path.startsWith("/wiki")) return e.confluenceCloudBody();
        if (path.startsWith("/rest/api/content") || path.startsWith("/rest/api/space")) return e.confluenceDcBody();
        return e.jiraBody();
    }

    /** The signed-in user, as the flavour signs in: DC personal access token or basic; Cloud email + API token. */
    private String signIn(String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ") && flavor == Flavor.DATA_CENTER) {
            String token = authorization.substring(7).strip();
            for (Seed.Account a : Seed.ACCOUNTS) if (a.token().equals(token)) return a.user();
        } else if (authorization != null && authorization.startsWith("Basic ")) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                pair = "";
            }
            int colon = pair.indexOf(':');
            if (colon > 0) {
                String who = pair.substring(0, colon);
                String secret = pair.substring(colon + 1);
                for (Seed.Account a : Seed.ACCOUNTS) {
                    if (flavor == Flavor.CLOUD && a.email().equals(who) && a.apiToken().equals(secret)) return a.user();
                    if (flavor == Flavor.DATA_CENTER && a.user().equals(who) && a.token().equals(secret)) return a.user();
                }
            }
        }
        throw new SandboxError(401, flavor == Flavor.CLOUD ? "Client must be authenticated to access this resource."
                : "You are not authenticated. Authentication required to perform this operation.");
    }

    private static void send(HttpExchange http, int status, String contentType, String body, java.util.Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().add("Content-Type", contentType);
        headers.forEach((k, v) -> http.getResponseHeaders().add(k, v));
        boolean empty = bytes.length == 0 || status == 204;
        http.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) http.getResponseBody().write(bytes);
        http.close();
    }
}
