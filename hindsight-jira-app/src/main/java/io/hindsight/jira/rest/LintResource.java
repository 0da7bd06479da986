package io.hindsight.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import io.hindsight.jira.check.CheckResult;
import io.hindsight.jira.check.CheckService;
import io.hindsight.jira.port.Access;
import io.hindsight.jira.queue.IssueKeys;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code POST /rest/hindsight/1.0/lint}: checks a post-mortem given as Markdown, or a post-mortem issue the
 * user may browse. Changes nothing, but takes JSON only, like every mutating-verb resource of the app, so
 * Jira's XSRF check never has a form-encoded request to let through.
 */
@Path("/lint")
@LicensedOnly
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LintResource {
    static final int MAX_MARKDOWN = 1 << 20;
    private final CheckService checks;
    private final Access access;

    public LintResource(CheckService checks, Access access) {
        this.checks = checks;
        this.access = access;
    }

    @POST
    public Response lint(LintRequest request) {
        if (request == null || (blank(request.getMarkdown()) == blank(request.getIssueKey()))) {
            return Responses.badRequest("send either 'markdown' (a post-mortem in Markdown) or 'issueKey' (a post-mortem issue), not both");
        }
        if (!blank(request.getMarkdown())) {
            if (request.getMarkdown().length() > MAX_MARKDOWN) return Responses.badRequest("'markdown' is longer than 1 MiB");
            String name = blank(request.getName()) ? "post-mortem.md" : request.getName().strip();
            return Response.ok(Json.LintResult.of(checks.checkMarkdown(request.getMarkdown(), name))).build();
        }
        if (!IssueKeys.isKey(request.getIssueKey())) return Responses.badRequest("'" + request.getIssueKey() + "' is not an issue key such as PM-12");
        String key = IssueKeys.require(request.getIssueKey());
        // an issue the user may not see answers as one that does not exist: no hint that it does
        if (!access.canBrowse(key)) return Responses.notFound("no issue " + key);
        Optional<CheckResult> result = checks.checkIssue(key);
        return result.map(r -> Response.ok(Json.LintResult.of(r)).build()).orElseGet(() -> Responses.notFound("no issue " + key));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
