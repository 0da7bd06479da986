package io.hindsight.core.render;

import io.hindsight.core.report.ReportData;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The remediation report as one HTML page with charts: for a browser, a mail, or the service's dashboard. */
public final class ReportPage {
    private final VelocityPages template = VelocityPages.builtIn(VelocityPages.REPORT_TEMPLATE);

    /** @param extra trusted markup placed after the report (the service adds its job panel), or empty */
    public String html(ReportData data, String title, Trusted extra) {
        return template.render(Map.of("report", data, "title", title, "charts", new SvgCharts(), "fmt", new Values(), "extra", extra));
    }

    public String html(ReportData data, String title) {
        return html(data, title, new Trusted(""));
    }

    /** What the template may format: plain strings, escaped on insertion like everything else. */
    public static final class Values {
        public String duration(Optional<Duration> d) {
            if (d.isEmpty()) return "–";
            long m = d.get().toMinutes();
            if (m < 60) return m + "m";
            if (m < 48 * 60) return String.format("%dh %02dm", m / 60, m % 60);
            return String.format("%dd %02dh", m / (24 * 60), (m / 60) % 24);
        }

        public String date(Optional<LocalDate> d) {
            return d.map(LocalDate::toString).orElse("–");
        }

        public String keys(java.util.List<String> keys) {
            return keys.size() <= 6 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 6)) + " and " + (keys.size() - 6) + " more";
        }
    }
}
