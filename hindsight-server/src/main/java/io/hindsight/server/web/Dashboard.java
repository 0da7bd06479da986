package io.hindsight.server.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hindsight.core.render.ReportPage;
import io.hindsight.core.render.Trusted;
import io.hindsight.core.render.VelocityPages;
import io.hindsight.core.report.ReportData;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The service's web page for SRE leads and Jira admins: the remediation report with its charts, the job
 * queue, a form to sync a post-mortem, and the dead-letter list with replay. Signing in takes the API token
 * once ({@link Access}); the browser then holds an HttpOnly, SameSite=Strict session cookie, and every form
 * carries the session's CSRF token as well. Pages are drawn by Velocity templates that escape every value.
 */
public final class Dashboard implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final String COOKIE = "hindsight_session";
    /** The report costs a few Jira searches: page views within this share one. */
    public static final Duration REPORT_FRESH = Duration.ofMinutes(5);
    private static final Map<String, String> HEADERS = Map.of(
            // the page has no script; forms post only here; no framing by other sites
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Cache-Control", "no-store");

    /** The report and when it was read from Jira. */
    public record CachedReport(Instant made, ReportData data) {
    }

    /** What a plain page says; null parts are left out. */
    public record Plain(String title, String alert, List<String> paragraphs, boolean signIn, String back) {
    }

    /** A count of jobs in one status. */
    public record StatusCount(String status, long count) {
    }

    /** The service's panel under the report. */
    public record Panel(String note, List<StatusCount> counts, String csrf, List<Job> dead, String readAt) {
    }

    private final Access access;
    private final JobQueue queue;
    private final Supplier<ReportData> report;
    private final Clock clock;
    /** What the last action did, per session, for the next page view. */
    private final Map<String, String> notes = new ConcurrentHashMap<>();
    private volatile CachedReport cached;
    /** Parsed once: a template engine per page view would cost more than the page. */
    private final ReportPage reportPage = new ReportPage();
    private final VelocityPages plainPage = VelocityPages.builtIn("io/hindsight/server/web/page.html.vm");
    private final VelocityPages panel = VelocityPages.builtIn("io/hindsight/server/web/panel.html.vm");

    public Dashboard(Access access, JobQueue queue, Supplier<ReportData> report, Clock clock) {
        this.access = access;
        this.queue = queue;
        this.report = report;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (RuntimeException e) {
            LOG.error("dashboard {} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            plain(ex, 500, new Plain("Something failed", null, List.of(e.getMessage() == null ? e.toString() : e.getMessage()), false, "Back"));
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = Exchanges.path(ex);
        boolean post = Exchanges.method(ex).equals("POST");
        if (!access.on()) {
            plain(ex, 503, new Plain("Hindsight", null, List.of("The web page is off: set HINDSIGHT_API_TOKEN (or HINDSIGHT_API_TOKEN_FILE) and restart "
                    + "'hindsight serve'; you sign in with that token."), false, null));
            return;
        }
        if (path.equals("/login")) {
            if (post) login(ex);
            else plain(ex, 200, signIn(null));
            return;
        }
        Optional<Access.Session> session = Exchanges.cookie(ex, COOKIE).flatMap(access::session);
        if (session.isEmpty()) {
            redirect(ex, "/login", null);
            return;
        }
        if (!post) {
            if (path.equals("/")) dashboard(ex, session.get());
            else plain(ex, 404, new Plain("Not found", null, List.of("No such page."), false, "Back to the dashboard"));
            return;
        }
        Map<String, String> form = form(ex);
        if (!Access.sameForm(session.get(), form.get("csrf"))) {
            plain(ex, 403, new Plain("Refused", null, List.of("The form was not sent from this dashboard. Reload it and try again."), false, "Reload it"));
            return;
        }
        String id = session.get().id();
        switch (path) {
            case "/logout" -> {
                access.close(id);
                notes.remove(id);
                redirect(ex, "/login", COOKIE + "=; Path=/; Max-Age=0" + cookieFlags(ex));
            }
            case "/ui/sync" -> {
                String key = form.getOrDefault("key", "").strip().toUpperCase(Locale.ROOT);
                if (!io.hindsight.core.model.IssueKey.isKey(key)) {
                    tell(ex, id, "'" + key + "' is not an issue key such as PM-12");
                    return;
                }
                JobQueue.Requested job = queue.request(key);
                tell(ex, id, (job.joined() ? "A sync of " + key + " was already queued (job " : "Queued a sync of " + key + " (job ") + job.jobId() + ")");
            }
            case "/ui/replay" -> {
                long job;
                try {
                    job = Long.parseLong(form.getOrDefault("id", ""));
                } catch (NumberFormatException e) {
                    tell(ex, id, "no job id given");
                    return;
                }
                tell(ex, id, queue.replay(job).map(s -> s == Job.Status.QUEUED ? "Job " + job + " is queued again" : "Job " + job + " is not needed: a newer job syncs its post-mortem")
                        .orElse("Job " + job + " is not a dead job"));
            }
            case "/ui/refresh" -> {
                cached = null;
                redirect(ex, "/", null);
            }
            default -> plain(ex, 404, new Plain("Not found", null, List.of("No such action."), false, null));
        }
    }

    private static Plain signIn(String alert) {
        return new Plain("Sign in to Hindsight", alert, List.of(), true, null);
    }

    private void login(HttpExchange ex) throws IOException {
        String address = Exchanges.address(ex);
        Access.Verdict v = access.signIn(address, form(ex).getOrDefault("token", ""));
        if (v instanceof Access.Throttled t) {
            plain(ex, 429, signIn("Too many wrong tokens from this address; try again in " + t.retryIn().toSeconds() + " s."));
            return;
        }
        if (!(v instanceof Access.Allowed)) {
            LOG.warn("dashboard sign-in refused from {}", address);
            plain(ex, 401, signIn("That is not the API token."));
            return;
        }
        Access.Session s = access.open();
        notes.keySet().removeIf(k -> !access.isOpen(k));
        redirect(ex, "/", COOKIE + "=" + s.id() + "; Path=/; Max-Age=" + Access.SESSION.toSeconds() + cookieFlags(ex));
    }

    /**
     * Secure when the browser reached the page over HTTPS: Hindsight listens on plain HTTP behind a proxy,
     * which says so in X-Forwarded-Proto.
     */
    private static String cookieFlags(HttpExchange ex) {
        boolean https = "https".equalsIgnoreCase(String.valueOf(Exchanges.header(ex, "X-Forwarded-Proto")).strip());
        return "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    private void dashboard(HttpExchange ex, Access.Session session) throws IOException {
        // shown once, then gone; kept server-side so that no link can put words on this page
        String note = notes.remove(session.id());
        List<StatusCount> counts = queue.counts().entrySet().stream().map(e -> new StatusCount(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue())).toList();
        CachedReport r = report();
        Panel p = new Panel(note, counts, session.csrf(), queue.recent(Job.Status.DEAD, 50), r.made().toString());
        String extra = panel.render(Map.of("panel", p));
        send(ex, 200, reportPage.html(r.data(), "Hindsight: post-mortem remediation", new Trusted(extra)), null, null);
    }

    private CachedReport report() {
        CachedReport r = cached;
        if (r == null || r.made().plus(REPORT_FRESH).isBefore(clock.instant())) r = refreshReport();
        return r;
    }

    /**
     * Reads the report from Jira now. The service calls this on a schedule, so a page view finds it
     * ready; a view that finds it older than {@link #REPORT_FRESH} (the schedule fell behind) reads it itself.
     */
    public CachedReport refreshReport() {
        CachedReport r = new CachedReport(clock.instant(), report.get());
        cached = r;
        return r;
    }

    private void plain(HttpExchange ex, int status, Plain page) throws IOException {
        send(ex, status, plainPage.render(Map.of("page", page)), null, null);
    }

    private static void redirect(HttpExchange ex, String location, String setCookie) throws IOException {
        send(ex, 303, "", location, setCookie);
    }

    private static void send(HttpExchange ex, int status, String html, String location, String setCookie) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(HEADERS);
        if (location != null) headers.put("Location", location);
        if (setCookie != null) headers.put("Set-Cookie", setCookie);
        Exchanges.send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        byte[] body = Exchanges.body(ex, 16 * 1024 - 1);
        return FormData.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** After an action: back to the page, which shows {@code note} once. */
    private void tell(HttpExchange ex, String sessionId, String note) throws IOException {
        notes.put(sessionId, note);
        redirect(ex, "/", null);
    }
}
