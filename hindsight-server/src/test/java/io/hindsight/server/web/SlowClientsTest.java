package io.hindsight.server.web;

import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The HTTP side under clients an operator will meet on a network: slow ones that open a request and stall,
 * and one that sends a body far too large. Health and metrics must keep answering, and the large body gets
 * a 413 it can read, not a reset connection.
 */
public class SlowClientsTest {
    /** More than any thread pool a small service would size for its request handlers. */
    private static final int SLOW_CLIENTS = 64;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private TestService running;
    private JobQueue queue;
    private HttpService service;
    private final List<Socket> slow = new ArrayList<>();

    @Before
    public void start() throws Exception {
        running = TestService.start();
        queue = running.queue;
        service = running.http;
    }

    @After
    public void stop() throws IOException {
        for (Socket s : slow) s.close();
        running.close();
    }

    private URI url(String path) {
        return URI.create(running.base + path);
    }

    /** A client that sends a request's headers and one byte of its body, then nothing. */
    private void stall(String path) throws IOException {
        Socket s = new Socket("127.0.0.1", service.port());
        slow.add(s);
        OutputStream out = s.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private HttpResponse<String> get(String path) throws Exception {
        // a generous bound: a server that is not frozen answers in milliseconds; a frozen one never does
        return HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void healthAndMetricsAnswerWhileSlowClientsHoldRequestsOpen() throws Exception {
        for (int i = 0; i < SLOW_CLIENTS; i++) stall(i % 2 == 0 ? "/webhooks/jira" : "/api/lint");
        Thread.sleep(200); // let the server take them all in
        assertEquals("ok\n", get("/healthz").body());
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body(), metrics.body().contains("hindsight_jobs{status=\"queued\"} 0"));
        // and a delivery that arrives whole is still taken (refused here: it is not signed)
        HttpResponse<String> delivery = HTTP.send(HttpRequest.newBuilder(url("/webhooks/jira")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, delivery.statusCode());
    }

    @Test
    public void aTenMegabyteBodyGetsAnAnswerOf413EveryTime() throws Exception {
        byte[] huge = new byte[10 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        // several times: an answer lost to a reset connection shows up only now and then
        for (int i = 0; i < 8; i++) {
            boolean chunked = i % 2 == 1;
            HttpRequest.BodyPublisher body = chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))
                    : HttpRequest.BodyPublishers.ofByteArray(huge);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url("/webhooks/jira")).timeout(Duration.ofSeconds(30))
                    .header("X-Hub-Signature", "sha256=00").POST(body).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals((chunked ? "chunked: " : "") + r.body(), 413, r.statusCode());
            assertTrue(r.body(), r.body().contains("larger than 1048576 bytes"));
        }
        assertTrue("nothing was stored", queue.all().isEmpty());
        assertEquals("the service still answers", "ok\n", get("/healthz").body());
    }

    @Test
    public void aClientThatSendsItsWholeChunkedBodyBeforeReadingStillGetsThe413() throws Exception {
        // as most HTTP clients do: the whole body first, then the answer. The server must read and drop the rest
        // after refusing; a connection cut mid-body makes the kernel reset it, and the 413 is lost
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /webhooks/jira HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 160; i++) out.write(chunk); // 10 MiB, ten times the limit
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(head, head.startsWith("HTTP/1.1 413"));
        }
        assertTrue(queue.all().isEmpty());
    }

    @Test
    public void aTenMegabyteBodySentInChunksGetsA413Too() throws Exception {
        // no Content-Length: the limit can only be enforced while reading
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /webhooks/jira HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            String head = null;
            InputStream in = s.getInputStream();
            try {
                for (int i = 0; i < 160 && head == null; i++) {
                    out.write(chunk);
                    if (in.available() > 0) head = new String(in.readNBytes(in.available()), StandardCharsets.US_ASCII);
                }
            } catch (IOException writeRefused) {
                // the server stopped reading after the limit: what it answered is waiting to be read
            }
            if (head == null) head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(head, head.startsWith("HTTP/1.1 413"));
        }
        assertTrue(queue.all().isEmpty());
    }

    /** A service whose deadlines are a second, so that tests see them pass. */
    private HttpService quick() throws IOException {
        // two threads and two waiting places in each pool
        HttpService.Limits limits = new HttpService.Limits(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), 2, 2, 2);
        return new HttpService(new HttpService.Options("127.0.0.1", 0, limits, TrustedProxies.NONE), new WebhookIntake(running.signature, queue), queue, new Metrics(queue, Metrics.Requests.NONE), List.of());
    }

    /** Writes {@code tail} a byte at a time, 200 ms apart (never quiet long enough for an idle timeout); what the server answered, "" when it closed. */
    private static String dribble(Socket s, String head, String tail) throws IOException {
        s.setSoTimeout(200);
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < 100; i++) {
            try {
                byte[] got = new byte[512];
                int n = in.read(got);
                return n < 0 ? "" : new String(got, 0, n, StandardCharsets.US_ASCII);
            } catch (java.net.SocketTimeoutException nothingYet) {
                // nothing from the server yet: send one more byte
            } catch (java.net.SocketException reset) {
                return "";
            }
            try {
                out.write(tail.charAt(i % tail.length()));
                out.flush();
            } catch (IOException closed) {
                return "";
            }
        }
        throw new AssertionError("the server let a client dribble for 20 s");
    }

    @Test
    public void headersThatDribbleInAreCutOffAtTheHeaderDeadline() throws Exception {
        try (HttpService service = quick(); Socket s = new Socket("127.0.0.1", service.port())) {
            long t0 = System.nanoTime();
            String answer = dribble(s, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "abcdefgh");
            assertEquals("the connection is closed, not answered", "", answer);
            assertTrue("closed after the 1 s deadline, not at once", System.nanoTime() - t0 >= Duration.ofMillis(900).toNanos());
        }
    }

    @Test
    public void aBodyThatDribblesInIsAnswered408AtItsDeadline() throws Exception {
        try (HttpService service = quick(); Socket s = new Socket("127.0.0.1", service.port())) {
            String answer = dribble(s, "POST /webhooks/jira HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{", "          ");
            assertTrue(answer, answer.startsWith("HTTP/1.1 408"));
            assertTrue(queue.all().isEmpty());
        }
    }

    @Test
    public void webhooksAndHealthAreAnsweredWhileEveryApiHandlerWaitsOnASlowJira() throws Exception {
        java.util.concurrent.CountDownLatch jiraAnswers = new java.util.concurrent.CountDownLatch(1);
        try (HttpService service = quick()) {
            // the API's two handlers and its two waiting places taken by calls that wait on Jira
            service.mount("/api/", call -> {
                try {
                    jiraAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Reply.json(200, java.util.Map.of("ok", true));
            });
            URI api = URI.create("http://127.0.0.1:" + service.port() + "/api/report");
            // calls go out one at a time until one is turned away: two run, two wait, the fifth is told to come back
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            HttpResponse<String> turnedAway = null;
            for (int i = 0; i < 10 && turnedAway == null; i++) {
                waiting.add(HTTP.sendAsync(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString()));
                try {
                    java.util.concurrent.CompletableFuture.anyOf(waiting.toArray(java.util.concurrent.CompletableFuture[]::new)).get(1, java.util.concurrent.TimeUnit.SECONDS);
                    for (var w : waiting) if (w.isDone()) turnedAway = w.get();
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    // taken by a handler, or waiting for one
                }
            }
            assertTrue("an API call was turned away once the pool and its waiting places were full", turnedAway != null);
            assertEquals(turnedAway.body(), 503, turnedAway.statusCode());
            assertEquals("5", turnedAway.headers().firstValue("Retry-After").orElse(""));
            assertTrue("not before two ran and two waited: " + waiting.size(), waiting.size() >= 5);

            HttpResponse<String> delivery = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/jira"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("Jira's delivery is answered, not queued behind the API", 401, delivery.statusCode());
            assertEquals("ok\n", HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/healthz")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                    .body().contains("hindsight_http_busy_total 1"));
            jiraAnswers.countDown();
            for (var w : waiting) if (w.get(10, java.util.concurrent.TimeUnit.SECONDS) != turnedAway) assertEquals(200, w.get().statusCode());
        }
    }
}
