package io.hindsight.jira.web;

import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.hindsight.jira.port.Access;
import io.hindsight.jira.port.ReportSource;
import io.hindsight.jira.web.view.ReportView;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /plugins/servlet/hindsight/report}: the remediation report as a page. */
@LicensedOnly
public class ReportServlet extends HttpServlet {
    static final String TEMPLATE = "templates/report.vm";
    private final ReportSource reports;
    private final Access access;
    private final Pages pages;

    public ReportServlet(ReportSource reports, Access access, TemplateRenderer renderer, I18nResolver i18n) {
        this.reports = reports;
        this.access = access;
        this.pages = new Pages(renderer, i18n);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (access.currentUser().isEmpty()) {
            pages.forbidden(resp);
            return;
        }
        ReportView view;
        try {
            view = ReportView.of(reports.report(), access::canBrowse);
        } catch (Exception e) {
            resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            view = ReportView.unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        pages.render(resp, TEMPLATE, "report", view);
    }
}
