package io.hindsight.server.web;

import io.hindsight.core.report.RemediationReport;
import io.hindsight.core.report.ReportData;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The web page as a person uses it: sign in with the token, look at the report, sync a post-mortem, replay a dead job. */
public class DashboardTest {
    private static final String TOKEN = "dashboard-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private JobQueue queue;
    private HttpService service;
    private final AtomicInteger reportsRead = new AtomicInteger();
    private String base;

    @Before
    public void start() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:dashboard" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        queue = new JobQueue(db, Clock.systemUTC(), 1);
        service = new HttpService("127.0.0.1", 0, new WebhookIntake(new Signature("webhook-secret-of-the-dashboard"), queue), queue);
        service.mount("/", new Dashboard(Access.of(Optional.of(new ApiToken(TOKEN))), queue, () -> {
            reportsRead.incrementAndGet();
            return RemediationReport.data(List.of(), LocalDate.of(2026, 11, 26));
        }, Clock.systemUTC()));
        base = "http://127.0.0.1:" + service.port();
    }

    @After
    public void stop() {
        service.close();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn() throws Exception {
        HttpResponse<String> r = post("/login", null, "token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
        assertEquals(303, r.statusCode());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        assertTrue(html, m.find());
        return m.group(1);
    }

    @Test
    public void withoutSigningInThereIsOnlyTheSignInPage() throws Exception {
        HttpResponse<String> r = get("/", null);
        assertEquals(303, r.statusCode());
        assertEquals("/login", r.headers().firstValue("Location").orElse(""));
        assertEquals(401, post("/login", null, "token=guess-guess-guess-guess").statusCode());
        assertEquals(303, post("/ui/sync", "hindsight_session=made-up", "key=PM-1&csrf=x").statusCode());
        assertTrue(queue.all().isEmpty());
    }

    @Test
    public void theReportHasChartsAndIsReadFromJiraOnceForSeveralViews() throws Exception {
        String cookie = signIn();
        HttpResponse<String> page = get("/", cookie);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h2>Remediation</h2>"));
        assertTrue(page.body().contains("Sync a post-mortem"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        get("/", cookie);
        assertEquals("the second view is served from the 5-minute cache", 1, reportsRead.get());
        post("/ui/refresh", cookie, "csrf=" + csrf(page.body()));
        get("/", cookie);
        assertEquals(2, reportsRead.get());
    }

    @Test
    public void aSyncIsQueuedFromTheFormOnlyWithItsCsrfToken() throws Exception {
        String cookie = signIn();
        String csrf = csrf(get("/", cookie).body());
        assertEquals("a form from another site is refused", 403, post("/ui/sync", cookie, "key=PM-7").statusCode());
        assertTrue(queue.all().isEmpty());
        HttpResponse<String> r = post("/ui/sync", cookie, "key=pm-7&csrf=" + csrf);
        assertEquals(303, r.statusCode());
        assertEquals("PM-7", queue.all().get(0).postMortem());
        String note = get(r.headers().firstValue("Location").orElseThrow(), cookie).body();
        assertTrue(note, note.contains("Queued a sync of PM-7 (job "));
        assertTrue("a note is shown once", !get("/", cookie).body().contains("Queued a sync of PM-7"));
        assertTrue("no link can put words on the page", !get("/?note=Your+session+expired%2C+sign+in+at+evil.example", cookie).body().contains("evil.example"));
    }

    @Test
    public void aDeadJobIsShownEscapedAndCanBeReplayed() throws Exception {
        queue.accept("d-1", "jira:issue_updated", "PM-3", "PM-3");
        Job job = queue.claim("w").orElseThrow();
        queue.failed(job.id(), job.attempts(), "Jira said <img src=x onerror=alert(1)>");
        String cookie = signIn();
        String html = get("/", cookie).body();
        assertTrue(html, html.contains("Jira said &lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("<img"));
        assertEquals(303, post("/ui/replay", cookie, "id=" + job.id() + "&csrf=" + csrf(html)).statusCode());
        assertEquals(Job.Status.QUEUED, queue.job(job.id()).orElseThrow().status());
    }

    @Test
    public void guessingTheTokenIsStoppedAfterTenTries() throws Exception {
        for (int i = 0; i < 10; i++) assertEquals(401, post("/login", null, "token=guess-number-" + i + "-xxxxxxxxxx").statusCode());
        HttpResponse<String> r = post("/login", null, "token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
        assertEquals("even the right token waits once an address has guessed ten times", 429, r.statusCode());
        assertTrue(r.body(), r.body().contains("Too many wrong tokens from this address; try again in "));
    }

    @Test
    public void theThrottleForgetsFailuresOutsideItsWindow() {
        java.time.Instant[] now = {java.time.Instant.parse("2026-11-26T12:00:00Z")};
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now[0]; }
        };
        SignInThrottle t = new SignInThrottle(3, java.time.Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) t.failed("10.0.0.1");
        assertTrue(t.waitFor("10.0.0.1").isPresent());
        assertTrue("other addresses are not held up", t.waitFor("10.0.0.2").isEmpty());
        now[0] = now[0].plus(java.time.Duration.ofMinutes(11));
        assertTrue(t.waitFor("10.0.0.1").isEmpty());
    }

    @Test
    public void behindAnHttpsProxyTheCookieIsSecure() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https").POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Set-Cookie").orElse("").endsWith("; Secure"));
        assertFalse("plain HTTP: no Secure flag, or the browser would drop the cookie", signInCookieHeader().contains("Secure"));
    }

    private String signInCookieHeader() throws Exception {
        return post("/login", null, "token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)).headers().firstValue("Set-Cookie").orElseThrow();
    }

    @Test
    public void signingOutEndsTheSession() throws Exception {
        String cookie = signIn();
        String csrf = csrf(get("/", cookie).body());
        assertEquals(303, post("/logout", cookie, "csrf=" + csrf).statusCode());
        assertEquals(303, get("/", cookie).statusCode());
    }
}
