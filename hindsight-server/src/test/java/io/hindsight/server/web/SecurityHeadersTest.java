package io.hindsight.server.web;

import io.hindsight.server.queue.JobQueue;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * What every answer tells the browser (no sniffing, no caching, the strict CSP on HTML), and the web page's
 * forms refusing a post that another site's page made the browser send.
 */
public class SecurityHeadersTest {
    private static final String TOKEN = "security-headers-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private TestService service;
    private JobQueue queue;
    private String base;

    @Before
    public void start() throws Exception {
        service = TestService.withPageAndApi(TOKEN);
        queue = service.queue;
        base = service.base;
    }

    @After
    public void stop() {
        service.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private static HttpRequest.Builder form(HttpRequest.Builder b, String body) {
        return b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    public void everyAnswerForbidsSniffingAndCaching() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                send(at("/healthz")), send(at("/readyz")), send(at("/metrics")),
                send(at("/webhooks/jira").POST(HttpRequest.BodyPublishers.ofString("{}"))),
                send(at("/webhooks/jira")),
                send(at("/api/jobs").header("Authorization", "Bearer " + TOKEN)),
                send(at("/api/jobs")),
                send(at("/login")), send(at("/")));
        for (HttpResponse<String> r : answers) {
            String what = r.request().method() + " " + r.uri().getPath() + " (" + r.statusCode() + ")";
            assertEquals(what, "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(what, "no-store", r.headers().firstValue("Cache-Control").orElse(""));
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/html")) {
                assertTrue(what, r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            }
        }
    }

    @Test
    public void signInFromAnotherSitesPageIsRefused() throws Exception {
        String body = "token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        HttpResponse<String> foreign = send(form(at("/login"), body).header("Origin", "https://evil.example"));
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body(), foreign.body().contains("another site"));
        HttpResponse<String> foreignReferer = send(form(at("/login"), body).header("Referer", "https://evil.example/login"));
        assertEquals("without Origin, the Referer is checked", 403, foreignReferer.statusCode());
        HttpResponse<String> none = send(form(at("/login"), body));
        assertEquals("a post that names no origin at all is refused too", 403, none.statusCode());
        assertEquals(303, send(form(at("/login"), body).header("Origin", base)).statusCode());
        assertEquals(303, send(form(at("/login"), body).header("Referer", base + "/login")).statusCode());
    }

    @Test
    public void aFormPostFromAnotherSiteIsRefusedEvenWithTheSessionsCsrfToken() throws Exception {
        HttpResponse<String> signedIn = send(form(at("/login"), "token=" + TOKEN).header("Origin", base));
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page = send(at("/").header("Cookie", cookie)).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page);
        assertTrue(page, m.find());
        HttpResponse<String> r = send(form(at("/ui/sync"), "key=PM-7&csrf=" + m.group(1)).header("Cookie", cookie).header("Origin", "http://127.0.0.1:1"));
        assertEquals(403, r.statusCode());
        assertTrue(queue.all().isEmpty());
        assertEquals(303, send(form(at("/ui/sync"), "key=PM-7&csrf=" + m.group(1)).header("Cookie", cookie).header("Origin", base)).statusCode());
        assertEquals("PM-7", queue.all().get(0).postMortem());
    }
}
