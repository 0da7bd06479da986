package io.hindsight.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.Signature;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Deliveries as Jira (or someone posing as it) sends them, answered over HTTP: every one gets an answer that says why. */
public class WebhookHttpTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestService service;
    private Signature signature;
    private JobQueue queue;

    @Before
    public void start() throws Exception {
        service = TestService.start();
        signature = service.signature;
        queue = service.queue;
    }

    @After
    public void stop() {
        service.close();
    }

    private HttpResponse<String> deliver(String body, String identifier) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.base + "/webhooks/jira")).timeout(Duration.ofSeconds(10))
                .header("X-Hub-Signature", signature.sign(bytes)).header("X-Atlassian-Webhook-Identifier", identifier)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String ticketOf(String postMortem, String ticketKey) {
        return "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"" + ticketKey + "\",\"fields\":{\"issuetype\":{\"name\":\"Task\"},"
                + "\"issuelinks\":[{\"type\":{\"name\":\"Remediation\"},\"outwardIssue\":{\"key\":\"" + postMortem + "\"}}]}}}";
    }

    @Test
    public void anOverLongIdentifierIsRefusedWith400AndCounted() throws Exception {
        HttpResponse<String> r = deliver(ticketOf("PM-1", "OPS-7"), "x".repeat(129));
        assertEquals(r.body(), 400, r.statusCode());
        JsonNode answer = JSON.readTree(r.body());
        assertTrue(r.body(), answer.get("outcome").asText().contains("X-Atlassian-Webhook-Identifier has 129 characters; at most 128"));
        assertTrue(queue.all().isEmpty());
        String metrics = metrics();
        assertTrue(metrics, metrics.contains("hindsight_webhook_deliveries_total{outcome=\"refused\"} 1"));
        assertTrue(metrics, metrics.contains("hindsight_webhook_refused_total{reason=\"field_too_long\"} 1"));
    }

    @Test
    public void anOverLongIssueKeyIsRefusedWith400() throws Exception {
        String key = "OPS" + "X".repeat(70) + "-1";
        HttpResponse<String> r = deliver(ticketOf("PM-1", key), "d-1");
        assertEquals(r.body(), 400, r.statusCode());
        assertTrue(r.body(), JSON.readTree(r.body()).get("outcome").asText().contains("the issue key has 75 characters; at most 64"));
        assertTrue(queue.all().isEmpty());
        // the next delivery, within limits, is taken as usual
        assertEquals(202, deliver(ticketOf("PM-1", "OPS-7"), "d-2").statusCode());
        assertEquals(1, queue.all().size());
    }

    @Test
    public void everyAnswerIsJson() throws Exception {
        for (HttpResponse<String> r : java.util.List.of(deliver(ticketOf("PM-1", "OPS-7"), "d-1"), deliver("not json", "d-2"),
                deliver("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"A\\\\B\\n\",\"fields\":{\"issuetype\":{\"name\":\"Task\"}}}}", "d-3"))) {
            assertTrue(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(r.body(), JSON.readTree(r.body()).get("outcome").isTextual());
        }
    }
}
