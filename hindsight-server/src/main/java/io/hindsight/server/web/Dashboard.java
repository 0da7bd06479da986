package io.hindsight.server.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hindsight.core.render.ReportPage;
import io.hindsight.core.render.Trusted;
import io.hindsight.core.render.Xml;
import io.hindsight.core.report.ReportData;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The service's web page for SRE leads and Jira admins: the remediation report with its charts, the job
 * queue, a form to sync a post-mortem, and the dead-letter list with replay. Signing in takes the API token
 * once; the browser then holds an HttpOnly, SameSite=Strict session cookie, and every form carries a
 * per-session CSRF token as well.
 */
public final class Dashboard implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*-[1-9][0-9]*");
    private static final String COOKIE = "hindsight_session";
    static final Duration SESSION = Duration.ofHours(8);
    /** The report costs two Jira reads per post-mortem: page views within this share one. */
    public static final Duration REPORT_FRESH = Duration.ofMinutes(5);

    private record Session(Instant expires, String csrf) {
    }

    /** The report and when it was read from Jira. */
    public record CachedReport(Instant made, ReportData data) {
    }

    private final Optional<ApiToken> token;
    private final JobQueue queue;
    private final Supplier<ReportData> report;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** What the last action did, per session, for the next page view. */
    private final Map<String, String> notes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile CachedReport cached;
    /** Parsed once: a template engine per page view would cost more than the page. */
    private final ReportPage reportPage = new ReportPage();
    private SignInThrottle throttle = SignInThrottle.defaults();

    /** Shares one count of failed tokens with the API, so guessing cannot switch between them. */
    public Dashboard throttledBy(SignInThrottle t) {
        this.throttle = t;
        return this;
    }

    public Dashboard(Optional<ApiToken> token, JobQueue queue, Supplier<ReportData> report, Clock clock) {
        this.token = token;
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
            page(ex, 500, "Something failed", "<p>" + Xml.escape(e.getMessage() == null ? e.toString() : e.getMessage()) + "</p><p><a href=\"/\">Back</a></p>");
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean post = ex.getRequestMethod().equalsIgnoreCase("POST");
        if (token.isEmpty()) {
            page(ex, 503, "Hindsight", "<p>The web page is off: set HINDSIGHT_API_TOKEN (or HINDSIGHT_API_TOKEN_FILE) and restart 'hindsight serve'; "
                    + "you sign in with that token.</p>");
            return;
        }
        if (path.equals("/login")) {
            if (post) login(ex);
            else loginPage(ex, 200, "");
            return;
        }
        Optional<Session> session = session(ex);
        if (session.isEmpty()) {
            redirect(ex, "/login", null);
            return;
        }
        if (!post) {
            if (path.equals("/")) dashboard(ex, session.get());
            else page(ex, 404, "Not found", "<p>No such page. <a href=\"/\">Back to the dashboard</a></p>");
            return;
        }
        Map<String, String> form = form(ex);
        if (!MessageDigest.isEqual(session.get().csrf().getBytes(StandardCharsets.UTF_8), form.getOrDefault("csrf", "").getBytes(StandardCharsets.UTF_8))) {
            page(ex, 403, "Refused", "<p>The form was not sent from this dashboard. <a href=\"/\">Reload it</a> and try again.</p>");
            return;
        }
        switch (path) {
            case "/logout" -> {
                sessions.remove(cookie(ex).orElse(""));
                notes.remove(cookie(ex).orElse(""));
                redirect(ex, "/login", COOKIE + "=; Path=/; Max-Age=0" + cookieFlags(ex));
            }
            case "/ui/sync" -> {
                String key = form.getOrDefault("key", "").strip().toUpperCase(Locale.ROOT);
                if (!KEY.matcher(key).matches()) {
                    tell(ex, "'" + key + "' is not an issue key such as PM-12");
                    return;
                }
                JobQueue.Requested job = queue.request(key);
                tell(ex, (job.joined() ? "A sync of " + key + " was already queued (job " : "Queued a sync of " + key + " (job ") + job.jobId() + ")");
            }
            case "/ui/replay" -> {
                long id;
                try {
                    id = Long.parseLong(form.getOrDefault("id", ""));
                } catch (NumberFormatException e) {
                    tell(ex, "no job id given");
                    return;
                }
                String note = queue.replay(id).map(s -> s == Job.Status.QUEUED ? "Job " + id + " is queued again" : "Job " + id + " is not needed: a newer job syncs its post-mortem")
                        .orElse("Job " + id + " is not a dead job");
                tell(ex, note);
            }
            case "/ui/refresh" -> {
                cached = null;
                redirect(ex, "/", null);
            }
            default -> page(ex, 404, "Not found", "<p>No such action.</p>");
        }
    }

    private void login(HttpExchange ex) throws IOException {
        Map<String, String> form = form(ex);
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            loginPage(ex, 429, "<p class=\"overdue\">Too many wrong tokens from this address; try again in " + wait.get().toSeconds() + " s.</p>");
            return;
        }
        if (!token.get().accepts("Bearer " + form.getOrDefault("token", ""))) {
            throttle.failed(address);
            LOG.warn("dashboard sign-in refused from {}", address);
            loginPage(ex, 401, "<p class=\"overdue\">That is not the API token.</p>");
            return;
        }
        String id = randomHex();
        sessions.entrySet().removeIf(e -> e.getValue().expires().isBefore(clock.instant()));
        notes.keySet().retainAll(sessions.keySet());
        sessions.put(id, new Session(clock.instant().plus(SESSION), randomHex()));
        redirect(ex, "/", COOKIE + "=" + id + "; Path=/; Max-Age=" + SESSION.toSeconds() + cookieFlags(ex));
    }

    /**
     * Secure when the browser reached the page over HTTPS: Hindsight listens on plain HTTP behind a proxy,
     * which says so in X-Forwarded-Proto.
     */
    private static String cookieFlags(HttpExchange ex) {
        boolean https = "https".equalsIgnoreCase(String.valueOf(ex.getRequestHeaders().getFirst("X-Forwarded-Proto")).strip());
        return "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    private void loginPage(HttpExchange ex, int status, String message) throws IOException {
        page(ex, status, "Sign in to Hindsight", message + "<form method=\"post\" action=\"/login\"><p><label>API token (HINDSIGHT_API_TOKEN) "
                + "<input type=\"password\" name=\"token\" autocomplete=\"current-password\" autofocus></label> <input type=\"submit\" value=\"Sign in\"></p></form>");
    }

    private void dashboard(HttpExchange ex, Session session) throws IOException {
        // shown once, then gone; kept server-side so that no link can put words on this page
        String note = cookie(ex).map(notes::remove).orElse(null);
        StringBuilder panel = new StringBuilder("<h2>Sync service</h2>");
        if (note != null) panel.append("<p><strong>").append(Xml.escape(note)).append("</strong></p>");
        Map<Job.Status, Long> counts = queue.counts();
        panel.append("<p>Jobs: ");
        counts.forEach((s, n) -> panel.append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT)).append(" &#183; "));
        panel.setLength(panel.length() - " &#183; ".length());
        panel.append("</p>");
        String csrf = "<input type=\"hidden\" name=\"csrf\" value=\"" + Xml.escape(session.csrf()) + "\">";
        panel.append("<form method=\"post\" action=\"/ui/sync\">").append(csrf)
                .append("<label>Sync a post-mortem <input type=\"text\" name=\"key\" placeholder=\"PM-12\" size=\"10\"></label> <input type=\"submit\" value=\"Sync\"></form>");
        List<Job> dead = queue.recent(Job.Status.DEAD, 50);
        panel.append("<h3>Dead jobs</h3>");
        if (dead.isEmpty()) panel.append("<p class=\"muted\">None: every sync either succeeded or is still being retried.</p>");
        else {
            panel.append("<table><thead><tr><th>Job</th><th>Post-mortem</th><th>Attempts</th><th>Last error</th><th></th></tr></thead><tbody>");
            for (Job j : dead) {
                panel.append("<tr><td>").append(j.id()).append("</td><td>").append(Xml.escape(j.postMortem())).append("</td><td>").append(j.attempts())
                        .append("</td><td>").append(Xml.escape(j.lastError() == null ? "" : j.lastError())).append("</td><td><form class=\"inline\" method=\"post\" action=\"/ui/replay\">")
                        .append(csrf).append("<input type=\"hidden\" name=\"id\" value=\"").append(j.id()).append("\"><input type=\"submit\" value=\"Replay\"></form></td></tr>");
            }
            panel.append("</tbody></table>");
        }
        CachedReport r = report();
        panel.append("<div class=\"muted\">The report above was read from Jira at ").append(Xml.escape(r.made().toString()))
                .append(". <form class=\"inline\" method=\"post\" action=\"/ui/refresh\">").append(csrf).append("<input type=\"submit\" value=\"Read it again\"></form> ")
                .append("<form class=\"inline\" method=\"post\" action=\"/logout\">").append(csrf).append("<input type=\"submit\" value=\"Sign out\"></form></div>");
        send(ex, 200, reportPage.html(r.data(), "Hindsight: post-mortem remediation", new Trusted(panel.toString())), null, null);
    }

    private CachedReport report() {
        CachedReport r = cached;
        if (r == null || r.made().plus(REPORT_FRESH).isBefore(clock.instant())) {
            r = refreshReport();
        }
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

    private Optional<Session> session(HttpExchange ex) {
        Optional<String> id = cookie(ex);
        if (id.isEmpty()) return Optional.empty();
        Session s = sessions.get(id.get());
        if (s == null || s.expires().isBefore(clock.instant())) return Optional.empty();
        return Optional.of(s);
    }

    private static Optional<String> cookie(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) return Optional.of(p.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    private String randomHex() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void page(HttpExchange ex, int status, String title, String body) throws IOException {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Xml.escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:720px;margin:3em auto;color:rgb(23,43,77)} .overdue{color:rgb(191,38,0)}</style></head><body><h1>"
                + Xml.escape(title) + "</h1>" + body + "</body></html>";
        send(ex, status, html, null, null);
    }

    private static void redirect(HttpExchange ex, String location, String setCookie) throws IOException {
        send(ex, 303, "", location, setCookie);
    }

    private static void send(HttpExchange ex, int status, String html, String location, String setCookie) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.add("Content-Type", "text/html; charset=utf-8");
        // the page has no script; forms post only here; no framing by other sites
        h.add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        h.add("X-Content-Type-Options", "nosniff");
        h.add("Referrer-Policy", "no-referrer");
        h.add("Cache-Control", "no-store");
        if (location != null) h.add("Location", location);
        if (setCookie != null) h.add("Set-Cookie", setCookie);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(16 * 1024);
        }
        return FormData.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** After an action: back to the page, which shows {@code note} once. */
    private void tell(HttpExchange ex, String note) throws IOException {
        cookie(ex).ifPresent(id -> notes.put(id, note));
        redirect(ex, "/", null);
    }
}
