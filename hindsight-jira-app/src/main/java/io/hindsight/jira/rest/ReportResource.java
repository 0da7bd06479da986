package io.hindsight.jira.rest;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import io.hindsight.core.report.ReportData;
import io.hindsight.jira.port.Access;
import io.hindsight.jira.port.ReportSource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /rest/hindsight/1.0/report}: the remediation report. Lines for post-mortems the user may not
 * browse are left out, and so are the recurring causes and services only they name.
 */
@Path("/report")
@LicensedOnly
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    private final ReportSource reports;
    private final Access access;
    private final I18nResolver i18n;

    public ReportResource(ReportSource reports, Access access, I18nResolver i18n) {
        this.reports = reports;
        this.access = access;
        this.i18n = i18n;
    }

    @GET
    public Response report() {
        ReportData data;
        try {
            data = reports.report();
        } catch (Exception e) {
            return Responses.unavailable(i18n.getText("hindsight.rest.error.report", String.valueOf(e.getMessage())));
        }
        List<Json.Line> lines = data.postMortems().stream().filter(l -> access.canBrowse(l.key())).map(Json.Line::of).toList();
        return Response.ok(new Json.Report(data.asOf().toString(), data.rows().stream().map(Json.Row::of).toList(), lines,
                visible(data.causes()), visible(data.services()))).build();
    }

    private List<Json.Recurring> visible(List<ReportData.Recurring> items) {
        return items.stream()
                .map(r -> new Json.Recurring(r.name(), r.postMortems().stream().filter(access::canBrowse).toList()))
                .filter(r -> r.postMortems().size() > 1)
                .toList();
    }
}
