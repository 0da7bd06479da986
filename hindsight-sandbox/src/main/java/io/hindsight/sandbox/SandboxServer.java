package io.hindsight.sandbox;

import io.hindsight.sandbox.site.Router;
import io.hindsight.sandbox.site.SandboxError;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hindsight.sandbox.confluence.ConfluenceApi;
import io.hindsight.sandbox.confluence.ConfluenceState;
import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.jira.Workflows;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.view.HtmlView;
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

    private final Workflows workflow;

    SandboxServer(Flavor flavor, String host, int port, Clock clock, Workflows workflow) throws IOException {
        this.flavor = flavor;
        this.workflow = workflow;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        this.webhooks = new Webhooks(clock);
        Seed.jira(jira, workflow);
        Seed.confluence(confluence);
        this.jiraApi = new JiraApi(jira, flavor, clock, baseUrl, webhooks);
        webhooks.attach(jiraApi);
        Route on = router::on;
        jiraApi.routes(on);
        new ConfluenceApi(confluence, flavor, clock, baseUrl).routes(on);
        new HtmlView(jiraApi, confluence).routes(on);
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

    /** Back to the seeded site: key counters, ids and workflows included; faults, the log and webhooks cleared. */
    void reset() {
        synchronized (jira) {
            jira.clear();
            Seed.jira(jira, workflow);
        }
        synchronized (confluence) {
            confluence.clear();
            Seed.confluence(confluence);
        }
        faults.clear();
        log.clear();
        webhooks.clear();
    }

    /** Makes a project's issues follow a workflow from now on (issues keep their status). */
    void useWorkflow(String projectKey, JiraState.Workflow w) {
        synchronized (jira) {
            if (!jira.projects.containsKey(projectKey)) throw new SandboxError(404, "No project could be found with key '" + projectKey + "'.");
            jira.workflows.put(w.name(), w);
            jira.projectWorkflows.put(projectKey, w.name());
        }
    }

    private void adminRoutes(Route on) {
        on.add("GET", "/sandbox/workflows", ex -> {
            synchronized (jira) {
                ObjectNode body = Exchange.object().put("default", jira.defaultWorkflow);
                ObjectNode projects = body.putObject("projects");
                jira.projects.keySet().forEach(k -> projects.put(k, jira.workflowOf(k).name()));
                ObjectNode all = body.putObject("workflows");
                jira.workflows.values().forEach(w -> {
                    ArrayNode ts = all.putArray(w.name());
                    w.transitions().forEach(t -> {
                        ObjectNode n = ts.addObject().put("id", t.id()).put("name", t.name()).put("to", jira.statuses.get(t.toStatusId()).name());
                        ArrayNode from = n.putArray("from");
                        t.fromStatusIds().forEach(f -> from.add(jira.statuses.get(f).name()));
                    });
                });
                ex.ok(body);
            }
        });
        on.add("PUT", "/sandbox/workflows/{project}", ex -> {
            useWorkflow(ex.param(0), workflowFrom(ex.param(0), ex.json()));
            ex.noContent();
        });
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

    /**
     * {@code {"workflow":"stepwise"}} names a built-in workflow; {@code {"transitions":[{"name":"Start","from":["To Do"],"to":"In Progress"}]}}
     * defines the project's own over the site's statuses (no {@code from}: a global transition).
     */
    private JiraState.Workflow workflowFrom(String project, JsonNode b) {
        if (b.has("workflow")) {
            try {
                return Workflows.named(b.path("workflow").asText()).workflow();
            } catch (IllegalArgumentException e) {
                throw new SandboxError(400, e.getMessage());
            }
        }
        if (!b.path("transitions").isArray() || b.path("transitions").isEmpty()) {
            throw new SandboxError(400, "Give {\"workflow\":\"simplified|stepwise\"} or {\"transitions\":[{\"name\":...,\"from\":[...],\"to\":...}]}");
        }
        java.util.List<JiraState.Transition> ts = new java.util.ArrayList<>();
        int n = 1;
        synchronized (jira) {
            for (JsonNode t : b.path("transitions")) {
                String to = t.path("to").asText();
                JiraState.Status target = jira.statusByName(to).orElseThrow(() -> new SandboxError(400, "No status named '" + to + "'; the site has " + statusNames()));
                Set<String> from = new HashSet<>();
                for (JsonNode f : t.path("from")) from.add(jira.statusByName(f.asText()).orElseThrow(() -> new SandboxError(400, "No status named '" + f.asText() + "'; the site has " + statusNames())).id());
                ts.add(new JiraState.Transition(t.path("id").asText(String.valueOf(10 * n++ + 1)), t.path("name").asText(target.name()), target.id(), from));
            }
        }
        return new JiraState.Workflow(b.path("name").asText(project.toLowerCase(java.util.Locale.ROOT) + "-workflow"), ts);
    }

    private java.util.List<String> statusNames() {
        return jira.statuses.values().stream().map(JiraState.Status::name).toList();
    }

    private void handle(HttpExchange http) throws IOException {
        long started = System.nanoTime();
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getRawPath();
        String decodedPath = http.getRequestURI().getPath();
        try {
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // the sandbox's own endpoints and views, and Jira's /browse/KEY (a person's page, not the API) need no sign-in
            boolean admin = decodedPath.startsWith("/sandbox") || decodedPath.startsWith("/browse/");
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
            logged(method, decodedPath, loseAnswer ? 0 : ex.status(), started);
            if (loseAnswer) {
                http.getResponseBody().close();
                http.close();
                return;
            }
            send(http, ex.status(), ex.contentType(), ex.responseBody(), ex.responseHeaders());
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
