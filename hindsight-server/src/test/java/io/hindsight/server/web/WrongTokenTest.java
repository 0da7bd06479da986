package io.hindsight.server.web;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Wrong tokens, as a person mistyping and a script guessing send them, on the API and the page: the right
 * token always gets in at once, however many wrong ones came from the same address (behind a reverse
 * proxy, everyone's address), and wrong ones are answered ever more slowly.
 */
public class WrongTokenTest {
    private static final String TOKEN = "wrong-token-test-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private TestService service;
    private String base;

    @Before
    public void start() throws Exception {
        service = TestService.withPageAndApi(TOKEN);
        base = service.base;
    }

    @After
    public void stop() {
        service.close();
    }

    private HttpRequest api(String token) {
        return HttpRequest.newBuilder(URI.create(base + "/api/jobs")).header("Authorization", "Bearer " + token).build();
    }

    private HttpRequest signIn(String token) {
        return HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build();
    }

    /** Sends the requests at once; waits a little for their answers (wrong tokens may be held back longer). */
    private static List<CompletableFuture<HttpResponse<String>>> atOnce(List<HttpRequest> requests) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (HttpRequest r : requests) sent.add(HTTP.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        } catch (TimeoutException stillHeldBack) {
            // the service answers repeated wrong tokens slowly: that is the point
        }
        return sent;
    }

    private static List<HttpRequest> times(int n, java.util.function.IntFunction<HttpRequest> request) {
        List<HttpRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(request.apply(i));
        return out;
    }

    @Test
    public void theRightTokenGetsInOnTheApiAfterTwelveWrongOnesFromTheSameAddress() throws Exception {
        atOnce(times(12, i -> api("guess-number-" + i + "-xxxxxxxxxxxxxxxx")));
        HttpResponse<String> r = HTTP.send(api(TOKEN), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    @Test
    public void theRightTokenSignsInOnThePageAfterTwelveWrongOnesFromTheSameAddress() throws Exception {
        atOnce(times(12, i -> signIn("guess-number-" + i + "-xxxxxxxxxxxxxxxx")));
        HttpResponse<String> r = HTTP.send(signIn(TOKEN), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 303, r.statusCode());
        assertTrue(r.headers().firstValue("Set-Cookie").orElse("").startsWith("hindsight_session="));
    }

    @Test
    public void wrongTokensAreAnsweredEverMoreSlowly() throws Exception {
        long[] millis = new long[4];
        for (int i = 0; i < millis.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(api("guess-number-" + i + "-xxxxxxxxxxxxxxxx"), HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(401, r.statusCode());
        }
        // a lower bound only: a busy machine makes answers slower, never faster
        assertTrue("the fourth wrong token in a row waits at least a second: " + java.util.Arrays.toString(millis), millis[3] >= Duration.ofSeconds(1).toMillis());
    }
}
