package io.hindsight.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
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
    private final I18nResolver i18n;

    public LintResource(CheckService checks, Access access, I18nResolver i18n) {
        this.checks = checks;
        this.access = access;
        this.i18n = i18n;
    }

    @POST
    public Response lint(LintRequest request) {
        if (request == null || (blank(request.getMarkdown()) == blank(request.getIssueKey()))) {
            return Responses.badRequest(i18n.getText("hindsight.rest.error.lint-body", "markdown", "issueKey"));
        }
        if (!blank(request.getMarkdown())) {
            if (request.getMarkdown().length() > MAX_MARKDOWN) return Responses.badRequest(i18n.getText("hindsight.rest.error.too-long", "markdown"));
            String name = blank(request.getName()) ? "post-mortem.md" : request.getName().strip();
            return Response.ok(Json.LintResult.of(checks.checkMarkdown(request.getMarkdown(), name))).build();
        }
        if (!IssueKeys.isKey(request.getIssueKey())) return Responses.badRequest(i18n.getText("hindsight.rest.error.not-a-key", request.getIssueKey()));
        String key = IssueKeys.require(request.getIssueKey());
        // an issue the user may not see answers as one that does not exist: no hint that it does
        if (!access.canBrowse(key)) return Responses.notFound(i18n.getText("hindsight.rest.error.no-issue", key));
        Optional<CheckResult> result = checks.checkIssue(key);
        return result.map(r -> Response.ok(Json.LintResult.of(r)).build()).orElseGet(() -> Responses.notFound(i18n.getText("hindsight.rest.error.no-issue", key)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
