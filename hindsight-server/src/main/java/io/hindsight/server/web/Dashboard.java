package io.hindsight.server.web;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.render.ReportPage;
import io.hindsight.core.render.Trusted;
import io.hindsight.core.render.VelocityPages;
import io.hindsight.core.report.ReportData;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.WebhookIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The service's web page for SRE leads and Jira admins: the remediation report with its charts, the jobs
 * queued and running, a form to sync a post-mortem, and the dead-letter list with replay. Signing in takes
 * the API token once ({@link Access}); the browser then holds an HttpOnly, SameSite=Strict session cookie,
 * and every form carries the session's CSRF token and must come from this page's own origin. Pages are drawn
 * by Velocity templates that escape every value; times are put in words here, since the page runs no script.
 */
public final class Dashboard implements Route {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final String COOKIE = "hindsight_session";
    /** The report costs a few Jira searches: page views within this share one. */
    public static final Duration REPORT_FRESH = Duration.ofMinutes(5);
    /** Forms are a key, a job id and a token: nothing near this. */
    public static final int MAX_FORM = 16 * 1024;
    private static final Map<String, String> HEADERS = Map.of(
            // the page has no script; forms post only here; no framing by other sites
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
            // same-origin: the page's own form posts carry their Origin and Referer (checked), other sites learn nothing
            "Referrer-Policy", "same-origin");

    /** The report and when it was read from Jira. */
    public record CachedReport(Instant made, ReportData data) {
    }

    /** What a plain page says; null parts are left out. */
    public record Plain(String title, String alert, List<String> paragraphs, boolean signIn, String back) {
    }

    /** A count of jobs in one status. */
    public record StatusCount(String status, long count) {
    }

    /**
     * A job as the page lists it.
     *
     * @param link   its post-mortem in Jira, or null when the Jira address is not known
     * @param due    when it is (or was) ready to run: queued, running; null for dead jobs (they run when replayed)
     * @param result what the viewer's last action on it did, shown once on its row, or null
     */
    public record JobRow(long id, String postMortem, String link, String status, int attempts, RelativeTime.When due, String lastError, String result) {
    }

    /** The service's panel under the report. */
    public record Panel(String syncResult, List<StatusCount> counts, String csrf, List<JobRow> active, List<JobRow> dead, String orphanResult,
                        RelativeTime.When readAt) {
    }

    /** What a session's last action did, shown once where it was taken: beside the form, or on the job's row. */
    private record Note(String syncResult, long job, String jobResult) {
    }

    private final Access access;
    private final JobQueue queue;
    private final Supplier<ReportData> report;
    private final String browse;
    private final Clock clock;
    private final Map<String, Note> notes = new ConcurrentHashMap<>();
    private volatile CachedReport cached;
    /** Parsed once: a template engine per page view would cost more than the page. */
    private final ReportPage reportPage = new ReportPage();
    private final VelocityPages plainPage = VelocityPages.builtIn("io/hindsight/server/web/page.html.vm");
    private final VelocityPages panel = VelocityPages.builtIn("io/hindsight/server/web/panel.html.vm");

    public Dashboard(Access access, JobQueue queue, Supplier<ReportData> report, Clock clock) {
        this(access, queue, report, null, clock);
    }

    /** @param jira the Jira site's address, for links to its issues; null: keys are shown without links */
    public Dashboard(Access access, JobQueue queue, Supplier<ReportData> report, URI jira, Clock clock) {
        this.access = access;
        this.queue = queue;
        this.report = report;
        this.browse = jira == null ? null : jira.toString().replaceAll("/+$", "") + "/browse/";
        this.clock = clock;
    }

    @Override
    public Reply handle(Call call) {
        try {
            return route(call);
        } catch (RuntimeException e) {
            LOG.error("dashboard {} {} failed", call.method(), call.path(), e);
            return plain(500, new Plain("Something failed", null, List.of(e.getMessage() == null ? e.toString() : e.getMessage()), false, "Back"));
        }
    }

    private Reply route(Call call) {
        String path = call.path();
        if (!access.on()) {
            return plain(503, new Plain("Hindsight", null, List.of("The web page is off: set HINDSIGHT_API_TOKEN (or HINDSIGHT_API_TOKEN_FILE) and restart "
                    + "'hindsight serve'; you sign in with that token."), false, null));
        }
        if (call.post()) {
            Optional<String> foreign = Origins.foreign(call);
            if (foreign.isPresent()) {
                LOG.warn("web page form {} refused from {}: {}", path, call.client(), foreign.get());
                return plain(403, new Plain("Refused", null, List.of("This form was sent from another site's page, or from a page that did not say "
                        + "where it came from (" + foreign.get() + "). Open Hindsight's own page and send it from there."), false, "Open Hindsight's page"));
            }
            if (call.tooLarge()) return plain(413, new Plain("Refused", null, List.of("The form is larger than " + MAX_FORM + " bytes."), false, "Back"));
        }
        if (path.equals("/login")) return call.post() ? login(call) : plain(200, signIn(null));
        Optional<Access.Session> session = call.cookie(COOKIE).flatMap(access::session);
        if (session.isEmpty()) return redirect("/login", null);
        if (!call.post()) {
            if (path.equals("/")) return dashboard(session.get());
            return plain(404, new Plain("Not found", null, List.of("No such page."), false, "Back to the dashboard"));
        }
        Map<String, String> form = FormData.parse(new String(call.body(), StandardCharsets.UTF_8));
        if (!Access.sameForm(session.get(), form.get("csrf"))) {
            return plain(403, new Plain("Refused", null, List.of("The form was not sent from this dashboard. Reload it and try again."), false, "Reload it"));
        }
        String id = session.get().id();
        return switch (path) {
            case "/logout" -> {
                access.close(id);
                notes.remove(id);
                yield redirect("/login", COOKIE + "=; Path=/; Max-Age=0" + cookieFlags(call));
            }
            case "/ui/sync" -> sync(id, form.getOrDefault("key", "").strip().toUpperCase(Locale.ROOT));
            case "/ui/replay" -> replay(id, form.getOrDefault("id", ""));
            case "/ui/refresh" -> {
                cached = null;
                yield redirect("/#report-time", null);
            }
            default -> plain(404, new Plain("Not found", null, List.of("No such action."), false, null));
        };
    }

    private Reply sync(String session, String key) {
        if (!IssueKey.isKey(key) || key.length() > WebhookIntake.MAX_KEY) {
            return tell(session, new Note("'" + key + "' is not an issue key such as PM-12", 0, null), "/#sync");
        }
        JobQueue.Requested job = queue.request(key);
        String said = (job.joined() ? "A sync of " + key + " was already queued (job " : "Queued a sync of " + key + " (job ") + job.jobId() + ")";
        return tell(session, new Note(said, 0, null), "/#sync");
    }

    private Reply replay(String session, String id) {
        long job;
        try {
            job = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return tell(session, new Note(null, 0, "No job id given"), "/#dead");
        }
        String said = queue.replay(job).map(s -> s == Job.Status.QUEUED ? "Queued again" : "Not needed: a newer job syncs its post-mortem")
                .orElse("Not a dead job (replayed already?)");
        return tell(session, new Note(null, job, said), "/#job-" + job);
    }

    private static Plain signIn(String alert) {
        return new Plain("Sign in to Hindsight", alert, List.of(), true, null);
    }

    private Reply login(Call call) {
        String typed = FormData.parse(new String(call.body(), StandardCharsets.UTF_8)).getOrDefault("token", "");
        Access.Verdict v = access.signIn(call.client(), typed);
        if (v instanceof Access.Throttled t) {
            return plain(429, signIn("Too many wrong tokens from this address; try again in " + (t.retryIn().toSeconds() + 1) + " s."))
                    .with("Retry-After", Long.toString(t.retryIn().toSeconds() + 1));
        }
        if (v instanceof Access.Refused r) {
            LOG.warn("dashboard sign-in refused from {}", call.client());
            return plain(401, signIn("That is not the API token.")).after(r.delay());
        }
        Access.Session s = access.open();
        notes.keySet().removeIf(k -> !access.isOpen(k));
        return redirect("/", COOKIE + "=" + s.id() + "; Path=/; Max-Age=" + Access.SESSION.toSeconds() + cookieFlags(call));
    }

    /**
     * Secure when the browser reached the page over HTTPS: Hindsight listens on plain HTTP behind a proxy,
     * which says so in X-Forwarded-Proto (believed from a trusted proxy only).
     */
    private static String cookieFlags(Call call) {
        return "; HttpOnly; SameSite=Strict" + (call.secure() ? "; Secure" : "");
    }

    private Reply dashboard(Access.Session session) {
        // shown once, then gone; kept server-side so that no link can put words on this page
        Note note = notes.remove(session.id());
        CachedReport r = report();
        // after the report: a read from Jira that took seconds must not show as made "in 2 seconds"
        Instant now = clock.instant();
        List<StatusCount> counts = queue.counts().entrySet().stream().map(e -> new StatusCount(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue())).toList();
        List<Job> active = new ArrayList<>(queue.recent(Job.Status.RUNNING, 50));
        active.addAll(queue.recent(Job.Status.QUEUED, 50));
        active.sort(Comparator.comparing(Job::id));
        List<Job> dead = queue.recent(Job.Status.DEAD, 50);
        String jobResult = note == null ? null : note.jobResult();
        boolean shown = jobResult == null || active.stream().anyMatch(j -> j.id() == note.job()) || dead.stream().anyMatch(j -> j.id() == note.job());
        Panel p = new Panel(note == null ? null : note.syncResult(), counts, session.csrf(),
                active.stream().map(j -> row(j, now, note, true)).toList(), dead.stream().map(j -> row(j, now, note, false)).toList(),
                shown ? null : jobResult, RelativeTime.of(r.made(), now));
        String extra = panel.render(Map.of("panel", p));
        return send(200, reportPage.html(r.data(), "Hindsight: post-mortem remediation", new Trusted(extra), browse));
    }

    private JobRow row(Job j, Instant now, Note note, boolean timed) {
        String result = note != null && note.job() == j.id() ? note.jobResult() : null;
        return new JobRow(j.id(), j.postMortem(), link(j.postMortem()), j.status().name().toLowerCase(Locale.ROOT), j.attempts(),
                timed ? RelativeTime.of(j.runAfter(), now) : null, j.lastError(), result);
    }

    /** The issue in Jira, for a key the queue holds (always a key: the intake and the forms take nothing else). */
    private String link(String key) {
        return browse == null || !IssueKey.isKey(key) ? null : browse + key;
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

    private Reply plain(int status, Plain page) {
        return send(status, plainPage.render(Map.of("page", page)));
    }

    private static Reply redirect(String location, String setCookie) {
        Reply r = send(303, "").with("Location", location);
        return setCookie == null ? r : r.with("Set-Cookie", setCookie);
    }

    private static Reply send(int status, String html) {
        Reply r = Reply.html(status, html);
        for (Map.Entry<String, String> h : new LinkedHashMap<>(HEADERS).entrySet()) r = r.with(h.getKey(), h.getValue());
        return r;
    }

    /** After an action: back to the page, at the place the action was taken, which shows {@code note} once. */
    private Reply tell(String sessionId, Note note, String location) {
        notes.put(sessionId, note);
        return redirect(location, null);
    }
}
