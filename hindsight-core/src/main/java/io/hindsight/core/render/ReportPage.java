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
        return html(data, title, extra, null);
    }

    /**
     * @param browse where an issue key leads in Jira ({@code https://jira.example.com/browse/}), so each
     *               post-mortem's key is a link; null: keys are plain text
     */
    public String html(ReportData data, String title, Trusted extra, String browse) {
        return template.render(Map.of("report", data, "title", title, "charts", new SvgCharts(), "fmt", new Values(browse), "extra", extra));
    }

    public String html(ReportData data, String title) {
        return html(data, title, new Trusted(""));
    }

    /** What the template may format: plain strings, escaped on insertion like everything else. */
    public static final class Values {
        private final String browse;

        Values(String browse) {
            this.browse = browse;
        }

        /** A post-mortem's key, linked to its issue in Jira when the address is known (and is an http(s) URL). */
        public Trusted key(String key) {
            Optional<String> url = browse == null ? Optional.empty() : SafeUrl.http(browse + key);
            return new Trusted(url.map(u -> "<a href=\"" + Xml.escape(u) + "\">" + Xml.escape(key) + "</a>").orElse(Xml.escape(key)));
        }

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
