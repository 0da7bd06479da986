package io.hindsight.sandbox;

import io.hindsight.sandbox.site.Exchange;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.jira.JiraApi;
import io.hindsight.sandbox.jira.JiraState;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Sends Jira-style webhooks for issue and comment events to registered URLs: JSON bodies like Jira's,
 * {@code X-Atlassian-Webhook-Identifier}, and {@code X-Hub-Signature: sha256=<hex>} (HMAC-SHA256 of the
 * body) when the registration has a secret.
 */
public final class Webhooks implements JiraApi.Events {
    public record Registration(String id, String url, String secret, Set<String> events) {
        boolean wants(String event) {
            return events.isEmpty() || events.contains(event);
        }
    }

    /** @param status the receiver's answer, 0 when it could not be reached */
    public record Delivery(String identifier, String url, String event, String issueKey, int status, String error) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<?>> pending = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;
    private JiraApi api;

    public Webhooks(Clock clock) {
        this.clock = clock;
    }

    void attach(JiraApi api) {
        this.api = api;
    }

    public Registration register(String url, String secret, Set<String> events) {
        Registration r = new Registration(UUID.randomUUID().toString(), url, secret, Set.copyOf(events));
        registrations.add(r);
        return r;
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void clear() {
        registrations.clear();
        deliveries.clear();
    }

    /** Waits until every webhook sent so far was delivered or failed. */
    public void awaitDeliveries(Duration timeout) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("webhook deliveries did not finish within " + timeout, e);
        }
    }

    @Override
    public void issueCreated(JiraState.Issue issue, String user) {
        send("jira:issue_created", "issue_created", issue, user, null, List.of());
    }

    @Override
    public void issueUpdated(JiraState.Issue issue, String user, List<String> changedFields) {
        send("jira:issue_updated", "issue_generic", issue, user, null, changedFields);
    }

    @Override
    public void issueDeleted(JiraState.Issue issue, String user) {
        send("jira:issue_deleted", "issue_deleted", issue, user, null, List.of());
    }

    @Override
    public void commentCreated(JiraState.Issue issue, JiraState.Comment comment, String user) {
        send("comment_created", null, issue, user, comment, List.of());
    }

    private void send(String event, String typeName, JiraState.Issue issue, String user, JiraState.Comment comment, List<String> changed) {
        if (registrations.isEmpty()) return;
        ObjectNode body = Exchange.object().put("timestamp", clock.millis()).put("webhookEvent", event);
        if (typeName != null) body.put("issue_event_type_name", typeName);
        body.set("issue", api.issueJson(issue, List.of(), List.of()));
        if (comment != null) body.set("comment", api.json().comment(comment));
        if (!changed.isEmpty()) {
            var items = body.putObject("changelog").put("id", String.valueOf(clock.millis())).putArray("items");
            changed.forEach(f -> items.addObject().put("field", f).put("fieldtype", f.startsWith("customfield_") ? "custom" : "jira"));
        }
        // the actor as the flavour's Jira names it: accountId on Cloud, name and key on Data Center
        JiraState.User actor;
        synchronized (api.state()) {
            actor = api.state().userByIdOrName(user).orElse(null);
        }
        if (actor != null) body.set("user", api.json().user(actor));
        else body.putObject("user").put("name", user).put("displayName", user);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        for (Registration r : registrations) {
            if (!r.wants(event)) continue;
            String identifier = UUID.randomUUID().toString();
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Atlassian-Webhook-Identifier", identifier)
                    .header("User-Agent", "Atlassian Webhook HTTP Client")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (r.secret() != null && !r.secret().isEmpty()) req.header("X-Hub-Signature", "sha256=" + hmac(r.secret(), bytes));
            pending.add(client.sendAsync(req.build(), HttpResponse.BodyHandlers.discarding())
                    .handle((resp, err) -> deliveries.add(new Delivery(identifier, r.url(), event, issue.key,
                            resp == null ? 0 : resp.statusCode(), err == null ? null : err.toString()))));
        }
    }

    /** Hex HMAC-SHA256, as in {@code X-Hub-Signature: sha256=...}. */
    public static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

}
