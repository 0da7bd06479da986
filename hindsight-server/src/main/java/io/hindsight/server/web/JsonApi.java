package io.hindsight.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.usecase.BuildReport;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.PublishPostMortem;
import io.hindsight.server.ops.LintJson;
import io.hindsight.server.ops.ReportJson;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API under {@code /api/}, for scripts, CI and chat bots; every call needs
 * {@code Authorization: Bearer <token>} ({@link Access}).
 * <pre>
 * POST /api/lint[?name=F]            Markdown in, findings out (the shape of lint --format json)
 * POST /api/publish[?project=P]      Markdown in: checked, its issue created or updated, a sync queued (202)
 * POST /api/sync/{KEY}               queues a sync of a post-mortem (202), or joins the one queued
 * GET  /api/jobs/{id}                a job's status and last error
 * GET  /api/jobs?status=dead         the newest jobs in a status (the dead-letter list by default)
 * POST /api/jobs/{id}/replay         queues a dead job again
 * GET  /api/report[?jql=...]         the remediation report (the shape of report --format json)
 * </pre>
 * Each call decodes its request, calls a use case or the queue, and encodes the answer. Syncs go through
 * the job queue, never run in the request: a sync may take seconds, and the queue keeps one post-mortem
 * from being synced twice at once.
 */
public final class JsonApi implements Route {
    private static final Logger LOG = LoggerFactory.getLogger(JsonApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SYNC = Pattern.compile("/api/sync/([^/]+)");
    private static final Pattern JOB = Pattern.compile("/api/jobs/([0-9]{1,18})");
    private static final Pattern REPLAY = Pattern.compile("/api/jobs/([0-9]{1,18})/replay");
    public static final int MAX_BODY = 1 << 20;

    private final Access access;
    private final JobQueue queue;
    private final LintPostMortem lint;
    private final PublishPostMortem publish;
    private final BuildReport report;
    private final String defaultProject;

    public JsonApi(Access access, JobQueue queue, LintPostMortem lint, PublishPostMortem publish, BuildReport report, String defaultProject) {
        this.access = access;
        this.queue = queue;
        this.lint = lint;
        this.publish = publish;
        this.report = report;
        this.defaultProject = defaultProject;
    }

    /** An answer: status and JSON body, and how long to hold it back. */
    private record Answer(int status, Object body, java.time.Duration delay) {
        Answer(int status, Object body) {
            this(status, body, java.time.Duration.ZERO);
        }
    }

    private static Answer error(int status, String message) {
        return new Answer(status, Map.of("error", message));
    }

    @Override
    public Reply handle(Call call) {
        Answer a;
        try {
            a = route(call);
        } catch (PublishPostMortem.Refused e) {
            // refused by what Jira holds, before anything was written: the key names no issue (404), names one that is
            // not a post-mortem (409), or actions name projects that cannot take tickets (422, each line to fix)
            a = e.reason() == PublishPostMortem.Refused.Reason.PROJECTS
                    ? new Answer(422, Map.of("error", e.getMessage().lines().findFirst().orElse("").replaceAll(":$", ""), "problems", e.problems()))
                    : error(e.reason() == PublishPostMortem.Refused.Reason.NO_SUCH_ISSUE ? 404 : 409, e.getMessage());
        } catch (AtlassianException e) {
            // Jira refused or failed: its own words, with the status that says whose fault it is (a bad JQL or a
            // missing issue is the caller's; anything else, including Hindsight's own credentials, is upstream)
            a = error(e instanceof AtlassianException.BadRequest ? 400 : e instanceof AtlassianException.NotFound ? 404 : 502, e.getMessage());
        } catch (IllegalArgumentException e) {
            // a value the caller sent that a use case cannot take (a filter with ORDER BY): its message says what to change
            a = error(400, e.getMessage());
        } catch (JsonProcessingException e) {
            a = error(500, "internal error: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            LOG.error("API {} {} failed", call.method(), call.path(), e);
            a = error(500, "internal error: " + e.getMessage());
        }
        Reply reply = Reply.json(a.status(), a.body()).after(a.delay());
        if (a.status() == 401) reply = reply.with("WWW-Authenticate", "Bearer realm=\"hindsight\"");
        if (a.status() == 429 && a.body() instanceof Map<?, ?> m && m.get("retryAfter") instanceof Long s) reply = reply.with("Retry-After", Long.toString(s));
        return reply;
    }

    private Answer route(Call call) throws JsonProcessingException {
        String address = call.client();
        Access.Verdict v = access.bearer(address, call.header("Authorization"));
        if (v instanceof Access.Off) return error(503, "the API is off: set HINDSIGHT_API_TOKEN (or HINDSIGHT_API_TOKEN_FILE) and restart 'hindsight serve'");
        if (v instanceof Access.Throttled t) {
            return new Answer(429, Map.of("error", "too many calls with a wrong token from " + address + "; try again in " + t.retryIn().toSeconds() + " s",
                    "retryAfter", t.retryIn().toSeconds() + 1));
        }
        if (v instanceof Access.Refused r) return new Answer(401, Map.of("error", "send the API token as 'Authorization: Bearer <token>'"), r.delay());
        String path = call.path();
        String method = call.method();
        Map<String, String> query = call.query();
        Matcher m;
        if (path.equals("/api/lint")) return method.equals("POST") ? lint(call, query) : notAllowed("POST");
        if (path.equals("/api/publish")) return method.equals("POST") ? publish(call, query) : notAllowed("POST");
        if ((m = SYNC.matcher(path)).matches()) return method.equals("POST") ? sync(m.group(1)) : notAllowed("POST");
        if ((m = REPLAY.matcher(path)).matches()) return method.equals("POST") ? replay(Long.parseLong(m.group(1))) : notAllowed("POST");
        if ((m = JOB.matcher(path)).matches()) return method.equals("GET") ? job(Long.parseLong(m.group(1))) : notAllowed("GET");
        if (path.equals("/api/jobs")) return method.equals("GET") ? jobs(query) : notAllowed("GET");
        if (path.equals("/api/report")) return method.equals("GET") ? report(query) : notAllowed("GET");
        return error(404, "no such API call: " + method + " " + path + " (see the README's API section)");
    }

    private static Answer notAllowed(String method) {
        return error(405, method + " only");
    }

    private Answer lint(Call call, Map<String, String> query) throws JsonProcessingException {
        Body text = body(call);
        if (text.problem() != null) return text.problem();
        String name = query.getOrDefault("name", "post-mortem.md");
        return new Answer(200, JSON.readTree(LintJson.write(List.of(lint.markdown(text.text(), name)))));
    }

    private Answer publish(Call call, Map<String, String> query) {
        Body text = body(call);
        if (text.problem() != null) return text.problem();
        PublishPostMortem.Checked checked = publish.check(text.text(), query.getOrDefault("name", "post-mortem.md"));
        if (checked.refused()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", checked.summary());
            body.put("problems", checked.problems());
            return new Answer(422, body);
        }
        PublishPostMortem.Written written = publish.write(checked, query.getOrDefault("project", defaultProject));
        JobQueue.Requested job = queue.request(written.key().value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", written.key().value());
        body.put("created", written.created());
        body.putAll(jobRef(job));
        return new Answer(202, body);
    }

    private Answer sync(String key) {
        if (!IssueKey.isKey(key) || key.length() > io.hindsight.server.webhook.WebhookIntake.MAX_KEY) {
            return error(400, "'" + key + "' is not an issue key such as PM-12");
        }
        return new Answer(202, jobRef(queue.request(key)));
    }

    private static Map<String, Object> jobRef(JobQueue.Requested job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job.jobId());
        m.put("joined", job.joined());
        m.put("status", "/api/jobs/" + job.jobId());
        return m;
    }

    private Answer job(long id) {
        return queue.job(id).map(j -> new Answer(200, job(j))).orElseGet(() -> error(404, "no job " + id));
    }

    private Answer jobs(Map<String, String> query) {
        String status = query.getOrDefault("status", "dead");
        Job.Status s;
        try {
            s = Job.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error(400, "status must be one of queued, running, done, dead, superseded; not '" + status + "'");
        }
        int limit = intParam(query, "limit", 100);
        return new Answer(200, Map.of("jobs", queue.recent(s, Math.max(1, Math.min(limit, 1000))).stream().map(JsonApi::job).toList()));
    }

    private Answer replay(long id) {
        return queue.replay(id)
                .map(s -> new Answer(202, Map.<String, Object>of("job", id, "status", s.name().toLowerCase(Locale.ROOT))))
                .orElseGet(() -> error(404, "no dead job " + id + " (only dead jobs can be replayed; GET /api/jobs?status=dead lists them)"));
    }

    private Answer report(Map<String, String> query) throws JsonProcessingException {
        int limit = intParam(query, "limit", 1000);
        return new Answer(200, JSON.readTree(ReportJson.write(report.build(query.get("jql"), Math.max(1, Math.min(limit, 10_000))).rows())));
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("postMortem", j.postMortem());
        m.put("status", j.status().name().toLowerCase(Locale.ROOT));
        m.put("attempts", j.attempts());
        m.put("runAfter", j.runAfter().toString());
        m.put("lastError", j.lastError());
        return m;
    }

    /** A request body as UTF-8 text, or the answer that says why it cannot be taken. */
    private record Body(String text, Answer problem) {
    }

    private static Body body(Call call) {
        byte[] bytes = call.body();
        if (call.tooLarge() || bytes.length > MAX_BODY) return new Body(null, error(413, "the post-mortem is larger than " + MAX_BODY + " bytes"));
        if (bytes.length == 0) return new Body(null, error(400, "send the post-mortem's Markdown as the request body"));
        try {
            return new Body(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Body(null, error(400, "the body is not UTF-8 text"));
        }
    }
}
