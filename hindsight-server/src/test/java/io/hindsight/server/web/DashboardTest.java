package io.hindsight.server.web;

import io.hindsight.core.report.RemediationReport;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
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
        queue = TestService.queue(1, Clock.systemUTC());
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
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(form));
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
    public void behindATrustedHttpsProxyTheCookieIsSecure() throws Exception {
        HttpResponse<String> untrusted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https").header("Origin", base).POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse("X-Forwarded-Proto from a proxy nobody trusted is not believed", untrusted.headers().firstValue("Set-Cookie").orElse("").contains("Secure"));
        assertFalse("plain HTTP: no Secure flag, or the browser would drop the cookie", signInCookieHeader().contains("Secure"));

        HttpService.Options behindProxy = new HttpService.Options("127.0.0.1", 0, HttpService.Limits.defaults(), TrustedProxies.parse("127.0.0.1/32"));
        try (HttpService proxied = new HttpService(behindProxy, new WebhookIntake(new Signature("webhook-secret-of-the-dashboard"), queue), queue,
                new Metrics(queue, Metrics.Requests.NONE), List.of())) {
            proxied.mount("/", new Dashboard(Access.of(Optional.of(new ApiToken(TOKEN))), queue, () -> RemediationReport.data(List.of(), LocalDate.of(2026, 11, 26)),
                    Clock.systemUTC()));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxied.port() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "hindsight.example.com")
                    .header("Origin", "https://hindsight.example.com").POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(r.body(), 303, r.statusCode());
            assertTrue(r.headers().firstValue("Set-Cookie").orElse("").endsWith("; Secure"));
        }
    }

    private String signInCookieHeader() throws Exception {
        return post("/login", null, "token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)).headers().firstValue("Set-Cookie").orElseThrow();
    }

    /** The page as the browser has it, for reading what is where. */
    private static org.jsoup.nodes.Document html(HttpResponse<String> r) {
        assertEquals(r.body(), 200, r.statusCode());
        return org.jsoup.Jsoup.parse(r.body());
    }

    @Test
    public void queuedAndRunningJobsAreShownNotOnlyDeadOnes() throws Exception {
        queue.accept("d-1", "jira:issue_updated", "PM-3", "PM-3");
        queue.accept("d-2", "jira:issue_updated", "PM-4", "PM-4");
        Job running = queue.claim("worker-1").orElseThrow();
        org.jsoup.nodes.Document page = html(get("/", signIn()));
        org.jsoup.nodes.Element jobs = page.selectFirst("#jobs");
        assertTrue(page.outerHtml(), jobs != null);
        org.jsoup.nodes.Element runningRow = jobs.selectFirst("#job-" + running.id());
        assertTrue(jobs.outerHtml(), runningRow != null && runningRow.text().contains(running.postMortem()) && runningRow.text().contains("running"));
        long queuedId = queue.all().stream().filter(j -> j.id() != running.id()).findFirst().orElseThrow().id();
        org.jsoup.nodes.Element queuedRow = jobs.selectFirst("#job-" + queuedId);
        assertTrue(jobs.outerHtml(), queuedRow != null && queuedRow.text().contains("queued"));
    }

    @Test
    public void keysLinkToJira() throws Exception {
        service.mount("/", new Dashboard(Access.of(Optional.of(new ApiToken(TOKEN))), queue,
                () -> RemediationReport.data(List.of(), LocalDate.of(2026, 11, 26)), URI.create("https://jira.example.com/"), Clock.systemUTC()));
        queue.accept("d-1", "jira:issue_updated", "PM-3", "PM-3");
        org.jsoup.nodes.Element link = html(get("/", signIn())).selectFirst("#jobs a[href]");
        assertTrue("a key is a link", link != null);
        assertEquals("https://jira.example.com/browse/PM-3", link.attr("href"));
        assertEquals("PM-3", link.text());
    }

    @Test
    public void timesAreShownInTheViewersWordsWithTheExactTimeOnHover() throws Exception {
        java.time.Instant[] now = {java.time.Instant.parse("2026-11-26T12:00:00Z")};
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now[0]; }
        };
        JobQueue timed = TestService.queue(3, clock);
        service.mount("/", new Dashboard(Access.of(Optional.of(new ApiToken(TOKEN))), timed,
                () -> RemediationReport.data(List.of(), LocalDate.of(2026, 11, 26)), URI.create("https://jira.example.com/"), clock));
        timed.accept("d-1", "jira:issue_updated", "PM-3", "PM-3");
        Job job = timed.claim("worker-1").orElseThrow();
        timed.failed(job.id(), job.attempts(), "Jira answered 503"); // the next try in 5 seconds
        String cookie = signIn();
        get("/", cookie); // the report is read now, at 12:00
        now[0] = now[0].plus(java.time.Duration.ofMinutes(3));
        timed.accept("d-2", "jira:issue_updated", "PM-4", "PM-4"); // ready now, at 12:03
        org.jsoup.nodes.Document page = html(get("/", cookie));
        org.jsoup.nodes.Element readAt = page.selectFirst("#report-time time");
        assertEquals("3 minutes ago", readAt.text());
        assertEquals("2026-11-26T12:00:00Z", readAt.attr("datetime"));
        assertEquals("2026-11-26 12:00:00 UTC", readAt.attr("title"));
        org.jsoup.nodes.Element retried = page.selectFirst("#job-" + job.id() + " time");
        assertEquals("2 min 55 s to the minute: 3 minutes", "3 minutes ago", retried.text());
        assertTrue(page.outerHtml(), !page.outerHtml().contains("2026-11-26T12:00:05Z<"));
        now[0] = java.time.Instant.parse("2026-11-26T11:58:00Z");
        assertEquals("in 2 minutes", html(get("/", cookie)).selectFirst("#job-" + job.id() + " time").text());
    }

    @Test
    public void theResultOfAnActionIsShownWhereItWasTaken() throws Exception {
        String cookie = signIn();
        String csrf = csrf(get("/", cookie).body());
        HttpResponse<String> synced = post("/ui/sync", cookie, "key=PM-7&csrf=" + csrf);
        assertEquals("/#sync", synced.headers().firstValue("Location").orElse(""));
        org.jsoup.nodes.Document page = html(get("/", cookie));
        assertTrue(page.outerHtml(), page.selectFirst("#sync .result").text().startsWith("Queued a sync of PM-7 (job "));

        Job job = queue.claim("w").orElseThrow();
        queue.failed(job.id(), job.attempts(), "Jira answered 503");
        HttpResponse<String> replayed = post("/ui/replay", cookie, "id=" + job.id() + "&csrf=" + csrf);
        assertEquals("/#job-" + job.id(), replayed.headers().firstValue("Location").orElse(""));
        page = html(get("/", cookie));
        assertEquals("Queued again", page.selectFirst("#job-" + job.id() + " .result").text());
        assertTrue("the sync's result was shown once", page.selectFirst("#sync .result") == null);
    }

    @Test
    public void signingOutEndsTheSession() throws Exception {
        String cookie = signIn();
        String csrf = csrf(get("/", cookie).body());
        assertEquals(303, post("/logout", cookie, "csrf=" + csrf).statusCode());
        assertEquals(303, get("/", cookie).statusCode());
    }
}
