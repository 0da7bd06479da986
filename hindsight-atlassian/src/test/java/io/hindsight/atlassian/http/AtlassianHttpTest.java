package io.hindsight.atlassian.http;

import org.junit.Rule;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.hindsight.atlassian.http.ScriptedServer.Answer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class AtlassianHttpTest {
    @Rule
    public final ScriptedSite site = new ScriptedSite("Jira");
    private final List<Duration> waits = new ArrayList<>();
    private static final String TOKEN = "s3cr3t-pat-value";

    private AtlassianHttp http(HttpSettings settings) {
        return new AtlassianHttp("Jira", site.server.url(), Credentials.personalAccessToken(TOKEN), settings, site.counter,
                waits::add, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), new Random(42));
    }

    private AtlassianHttp http() {
        return http(HttpSettings.defaults());
    }

    private static final ApiRequest GET_ISSUE = ApiRequest.get("/rest/api/2/issue/PM-12").query("fields", "summary,status").build();
    private static final ApiRequest CREATE = ApiRequest.postCreate("/rest/api/2/issue").json("{\"fields\":{}}").build();

    @Test
    public void signsWithTheTokenAndSendsUnderTheContextPath() {
        site.server.then(Answer.of(200, "{\"key\":\"PM-12\"}"));
        ApiResponse r = http().send(GET_ISSUE);
        assertEquals("{\"key\":\"PM-12\"}", r.body());
        ScriptedServer.Received got = site.server.received.get(0);
        assertEquals("Bearer " + TOKEN, got.authorization());
        assertEquals("/jira/rest/api/2/issue/PM-12?fields=summary%2Cstatus", got.pathAndQuery());
        assertEquals(1, site.counter.reads());
    }

    @Test
    public void cloudSendsEmailAndApiTokenAsBasic() {
        site.server.then(Answer.of(200, "{}"));
        new AtlassianHttp("Jira", site.server.url(), Credentials.emailAndApiToken("ops@example.com", "tok"), HttpSettings.defaults(),
                site.counter, waits::add, Clock.systemUTC(), new Random(1)).send(GET_ISSUE);
        assertEquals("Basic b3BzQGV4YW1wbGUuY29tOnRvaw==", site.server.received.get(0).authorization());
    }

    @Test
    public void honoursRetryAfterOn429ThenSucceeds() {
        site.server.then(Answer.of(429, "{\"errorMessages\":[\"Rate limit exceeded.\"]}").withHeader("Retry-After", "7"))
                .then(Answer.of(200, "{}"));
        http().send(CREATE);
        assertEquals("a 429 was not processed, so even a create is sent again", 2, site.server.received.size());
        assertEquals(List.of(Duration.ofSeconds(7)), waits);
        assertEquals(1, site.counter.retries());
        assertEquals(2, site.counter.writes());
    }

    @Test
    public void usesCloudsRateLimitResetWhenThereIsNoRetryAfter() {
        site.server.then(Answer.of(429, "").withHeader("X-RateLimit-Reset", "2026-11-26T12:00:12Z")).then(Answer.of(200, "{}"));
        http().send(GET_ISSUE);
        assertEquals(List.of(Duration.ofSeconds(12)), waits);
    }

    @Test
    public void retriesServerErrorsForReadsWithGrowingJitteredBackoff() {
        site.server.then(Answer.of(503, "<html>Service Unavailable</html>")).then(Answer.of(502, "")).then(Answer.of(200, "{}"));
        http().send(GET_ISSUE);
        assertEquals(3, site.server.received.size());
        assertEquals(2, waits.size());
        assertTrue(waits.toString(), waits.get(0).toMillis() >= 250 && waits.get(0).toMillis() <= 500);
        assertTrue(waits.toString(), waits.get(1).toMillis() >= 500 && waits.get(1).toMillis() <= 1000);
    }

    @Test
    public void aCreateThatFailsWithA500IsNotRepeatedBlindly() {
        site.server.then(Answer.of(500, "{\"errorMessages\":[\"Internal server error\"]}"));
        AtlassianException e = assertThrows(AtlassianException.OutcomeUnknown.class, () -> http().send(CREATE));
        assertEquals(1, site.server.received.size());
        assertTrue(e.getMessage(), e.getMessage().contains("may have been carried out"));
    }

    @Test
    public void aCreateThatTimesOutIsNotRepeatedBlindlyButAReadIs() {
        HttpSettings fast = HttpSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
        site.server.then(Answer.of(201, "{}").delayed(1500));
        assertThrows(AtlassianException.OutcomeUnknown.class, () -> http(fast).send(CREATE));

        site.server.then(Answer.of(200, "{}").delayed(1500)).then(Answer.of(200, "{\"ok\":true}"));
        assertEquals("{\"ok\":true}", http(fast).send(GET_ISSUE).body());
    }

    @Test
    public void fieldErrorsComeBackTypedWithJirasWords() {
        site.server.then(Answer.of(400, "{\"errorMessages\":[],\"errors\":{\"customfield_10010\":\"Field 'customfield_10010' cannot be set. "
                + "It is not on the appropriate screen, or unknown.\",\"summary\":\"You must specify a summary of the issue.\"}}"));
        AtlassianException.BadRequest e = assertThrows(AtlassianException.BadRequest.class, () -> http().send(CREATE));
        assertEquals("Field 'customfield_10010' cannot be set. It is not on the appropriate screen, or unknown.",
                e.error().fieldErrors().get("customfield_10010"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Jira answered 400 to POST /rest/api/2/issue: customfield_10010: Field"));
    }

    @Test
    public void eachStatusHasItsOwnTypeAndNoMessageCarriesTheSecret() {
        Object[][] cases = {
                {401, AtlassianException.Unauthorized.class, "{\"errorMessages\":[\"You are not authenticated.\"]}", "Check the credentials"},
                {403, AtlassianException.Forbidden.class, "{\"errorMessages\":[\"You do not have permission to create issues in this project.\"]}", "do not have permission"},
                {404, AtlassianException.NotFound.class, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}", "Issue does not exist"},
                {409, AtlassianException.Conflict.class, "{\"statusCode\":409,\"message\":\"Version must be incremented on update. Current version is: 4\"}", "Current version is: 4"},
        };
        for (Object[] c : cases) {
            site.server.then(Answer.of((Integer) c[0], (String) c[2]));
            AtlassianException e = assertThrows(AtlassianException.class, () -> http().send(GET_ISSUE));
            assertEquals(c[1], e.getClass());
            assertFalse(e.getMessage().contains(TOKEN));
            assertTrue(e.getMessage(), e.getMessage().contains((String) c[3]));
        }
        assertTrue(Credentials.personalAccessToken(TOKEN).toString().contains("****"));
        assertFalse(Credentials.personalAccessToken(TOKEN).toString().contains(TOKEN));
    }

    @Test
    public void givesUpWhenRetryAfterIsBeyondTheBudget() {
        site.server.then(Answer.of(429, "{}").withHeader("Retry-After", "600"));
        AtlassianException.RateLimited e = assertThrows(AtlassianException.RateLimited.class, () -> http().send(GET_ISSUE));
        assertEquals(600, e.retryAfterSeconds());
        assertEquals(List.of(), waits);
    }

    @Test
    public void stopsAfterTheMaximumAttempts() {
        for (int i = 0; i < 5; i++) site.server.then(Answer.of(503, "{\"message\":\"down\"}"));
        AtlassianException.ServerError e = assertThrows(AtlassianException.ServerError.class, () -> http().send(GET_ISSUE));
        assertEquals(503, e.status());
        assertEquals(5, site.server.received.size());
        assertTrue(e.getMessage(), e.getMessage().contains("after 5 attempt(s)"));
    }

    @Test
    public void aRefusedConnectionIsTriedOnceMoreEvenForACreateThenSaidPlainly() throws Exception {
        java.net.URI dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            dead = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        AtlassianHttp h = new AtlassianHttp("Jira", dead, Credentials.personalAccessToken(TOKEN),
                HttpSettings.defaults().withRetries(5, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5)),
                site.counter, waits::add, Clock.systemUTC(), new Random(3));
        AtlassianException.Transport e = assertThrows(AtlassianException.Transport.class, () -> h.send(CREATE));
        assertEquals("nothing arrived, so the create was sent again, but only once: a person is waiting", 2, site.counter.writes());
        assertEquals(AtlassianException.Transport.Reason.REFUSED, e.reason());
        assertEquals("Jira", e.product().orElseThrow());
        assertTrue(e.getMessage(), e.getMessage().startsWith("cannot reach Jira at " + dead + ": the connection was refused (2 attempts)"));
        assertTrue(e.getMessage(), e.getMessage().contains("check the port, and that Jira is running"));
        assertFalse("no Java class names for a person to decode: " + e.getMessage(), e.getMessage().contains("java."));
    }

    @Test
    public void anUnknownHostIsNotARefusedPortAndIsNotRetried() {
        AtlassianHttp h = new AtlassianHttp("Confluence", java.net.URI.create("https://wiki.no-such-host.invalid"), Credentials.personalAccessToken(TOKEN),
                HttpSettings.defaults(), site.counter, waits::add, Clock.systemUTC(), new Random(3));
        AtlassianException.Transport e = assertThrows(AtlassianException.Transport.class, () -> h.send(GET_ISSUE));
        assertEquals(AtlassianException.Transport.Reason.UNKNOWN_HOST, e.reason());
        assertEquals(1, site.counter.reads());
        assertTrue(waits.isEmpty());
        assertTrue(e.getMessage(), e.getMessage().contains("the host name 'wiki.no-such-host.invalid' is unknown (DNS has no such name)"));
    }

    @Test
    public void httpsToAPlainHttpPortIsATlsFailureThatSaysWhatToTry() throws Exception {
        // a plain HTTP server, as a reverse proxy's port 80 answers: it reads the TLS hello as a bad request
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.getInputStream().read(new byte[512]);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException ignored) {
                    // the client gave up
                }
            });
            answer.start();
            java.net.URI https = java.net.URI.create("https://127.0.0.1:" + plain.getLocalPort());
            // the JDK counts the handshake in the connect timeout, and its first TLS set-up can be slow on a busy machine
            AtlassianHttp h = new AtlassianHttp("Jira", https, Credentials.personalAccessToken(TOKEN),
                    HttpSettings.defaults().withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)), site.counter, waits::add, Clock.systemUTC(), new Random(3));
            AtlassianException.Transport e = assertThrows(AtlassianException.Transport.class, () -> h.send(GET_ISSUE));
            StringBuilder chain = new StringBuilder();
            for (Throwable x = e.getCause(); x != null; x = x.getCause()) chain.append(" -> ").append(x);
            assertEquals(e.getMessage() + chain, AtlassianException.Transport.Reason.TLS, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("the TLS handshake failed"));
            assertTrue(e.getMessage(), e.getMessage().contains("try http://"));
            assertEquals(1, site.counter.reads());
            answer.join(5000);
        }
    }

    @Test
    public void timeoutsAreToldApartFromEachOther() {
        assertEquals(AtlassianException.Transport.Reason.CONNECT_TIMEOUT,
                AtlassianException.Transport.Reason.of(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out")));
        assertEquals(AtlassianException.Transport.Reason.TIMEOUT, AtlassianException.Transport.Reason.of(new java.net.http.HttpTimeoutException("request timed out")));
        assertEquals(AtlassianException.Transport.Reason.CONNECTION_LOST, AtlassianException.Transport.Reason.of(new java.io.IOException("Connection reset")));
        assertFalse("a timed-out create may have landed", AtlassianException.Transport.Reason.TIMEOUT.neverArrived());
    }

    @Test
    public void htmlErrorPagesFromProxiesBecomeShortMessages() {
        site.server.then(Answer.of(502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"));
        site.server.then(Answer.of(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));
        AtlassianException e = assertThrows(AtlassianException.class, () -> http(HttpSettings.defaults()
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1))).send(GET_ISSUE));
        assertTrue(e.getMessage(), e.getMessage().contains("502 Bad Gateway"));
    }
}
