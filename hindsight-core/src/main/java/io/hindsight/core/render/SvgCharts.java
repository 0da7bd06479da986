package io.hindsight.core.render;

import io.hindsight.core.report.ReportData;
import io.hindsight.core.report.ReportRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: no script, no external file, so the page works offline, by mail and
 * under a strict Content-Security-Policy. Every label is escaped; each chart carries a title for screen
 * readers, and the report shows the same numbers in a table beside it.
 */
public final class SvgCharts {
    private static final String DONE = "rgb(54, 179, 126)";
    private static final String OPEN = "rgb(76, 154, 255)";
    private static final String OVERDUE = "rgb(222, 53, 11)";
    private static final String NEUTRAL = "rgb(101, 84, 192)";
    private static final int WIDTH = 640;
    private static final int LABEL = 150;
    private static final int ROW = 28;

    /** A part of a bar: how much, its colour, and what a hover says. */
    record Segment(double value, String colour, String title) {
    }

    record Bar(String label, List<Segment> segments) {
        double total() {
            return segments.stream().mapToDouble(Segment::value).sum();
        }
    }

    /** Actions done, open and overdue, one bar per severity. */
    public Trusted remediation(List<ReportRow> rows) {
        List<Bar> bars = new ArrayList<>();
        for (ReportRow r : rows) {
            int openInTime = r.actionsOpen() - r.actionsOverdue();
            bars.add(new Bar(r.group(), List.of(new Segment(r.actionsDone(), DONE, r.actionsDone() + " done"),
                    new Segment(openInTime, OPEN, openInTime + " open, in time"), new Segment(r.actionsOverdue(), OVERDUE, r.actionsOverdue() + " overdue"))));
        }
        return horizontal("Remediation actions by severity: done, open and overdue", bars,
                List.of(new Segment(0, DONE, "done"), new Segment(0, OPEN, "open"), new Segment(0, OVERDUE, "overdue")));
    }

    /** How many post-mortems share each cause (or service). */
    public Trusted recurring(String title, List<ReportData.Recurring> items) {
        List<Bar> bars = items.stream().limit(12)
                .map(r -> new Bar(r.name(), List.of(new Segment(r.count(), NEUTRAL, r.count() + " post-mortem(s): " + String.join(", ", r.postMortems()))))).toList();
        return horizontal(title, bars, List.of());
    }

    /** Time to resolve, one column per post-mortem in the order the incidents happened (the latest 40). */
    public Trusted timeToResolve(List<ReportData.PostMortemLine> lines) {
        List<ReportData.PostMortemLine> shown = lines.stream().filter(l -> l.toResolve().isPresent()).toList();
        if (shown.size() > 40) shown = shown.subList(shown.size() - 40, shown.size());
        String title = "Time to resolve per post-mortem, oldest incident first";
        if (shown.isEmpty()) return empty(title, "No post-mortem records both its start and its resolution yet.");
        double maxHours = shown.stream().mapToDouble(l -> hours(l.toResolve().get())).max().orElse(1);
        int height = 244;
        int plot = 160;
        int step = Math.max(14, Math.min(60, (WIDTH - 60) / shown.size()));
        StringBuilder svg = open(title, Math.max(WIDTH, 60 + step * shown.size()), height);
        svg.append("<text x=\"4\" y=\"14\" class=\"axis\">").append(Xml.escape(human(maxHours))).append("</text>");
        svg.append("<line x1=\"50\" y1=\"").append(20 + plot).append("\" x2=\"").append(50 + step * shown.size()).append("\" y2=\"").append(20 + plot).append("\" stroke=\"rgb(193, 199, 208)\"/>");
        for (int i = 0; i < shown.size(); i++) {
            ReportData.PostMortemLine l = shown.get(i);
            double h = hours(l.toResolve().get());
            int bar = (int) Math.max(2, Math.round(plot * h / maxHours));
            int x = 54 + i * step;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(20 + plot - bar).append("\" width=\"").append(step - 6).append("\" height=\"").append(bar)
                    .append("\" fill=\"").append(colourOf(l.severity())).append("\"><title>").append(Xml.escape(l.key() + " (" + l.severity() + "): " + human(h)))
                    .append("</title></rect>");
            svg.append("<text x=\"").append(x + (step - 6) / 2).append("\" y=\"").append(36 + plot).append("\" class=\"tick\" text-anchor=\"middle\">")
                    .append(Xml.escape(shortKey(l.key(), step))).append("</text>");
        }
        int lx = 54;
        for (String sev : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(height - 18).append("\" width=\"12\" height=\"12\" fill=\"").append(colourOf(sev)).append("\"/>");
            svg.append("<text x=\"").append(lx + 16).append("\" y=\"").append(height - 7).append("\" class=\"tick\">").append(sev).append(sev.equals("SEV4") ? " or unrated" : "").append("</text>");
            lx += sev.equals("SEV4") ? 120 : 70;
        }
        return close(svg);
    }

    private Trusted horizontal(String title, List<Bar> bars, List<Segment> legend) {
        if (bars.isEmpty()) return empty(title, "Nothing to show yet.");
        double max = bars.stream().mapToDouble(Bar::total).max().orElse(1);
        if (max <= 0) max = 1;
        int height = bars.size() * ROW + (legend.isEmpty() ? 10 : 34);
        StringBuilder svg = open(title, WIDTH, height);
        int plot = WIDTH - LABEL - 60;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 6 + i * ROW;
            svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">").append(Xml.escape(clip(b.label(), 22))).append("</text>");
            double x = LABEL;
            for (Segment s : b.segments()) {
                if (s.value() <= 0) continue;
                double w = plot * s.value() / max;
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w)).append("\" height=\"20\" fill=\"")
                        .append(s.colour()).append("\"><title>").append(Xml.escape(b.label() + ": " + s.title())).append("</title></rect>");
                x += w;
            }
            svg.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 15).append("\" class=\"value\">").append(fmt(b.total())).append("</text>");
        }
        int lx = LABEL;
        for (Segment s : legend) {
            int ly = bars.size() * ROW + 14;
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"").append(s.colour()).append("\"/>");
            svg.append("<text x=\"").append(lx + 16).append("\" y=\"").append(ly + 11).append("\" class=\"tick\">").append(Xml.escape(s.title())).append("</text>");
            lx += 90;
        }
        return close(svg);
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\"><title>").append(Xml.escape(title)).append("</title>");
    }

    private static Trusted close(StringBuilder svg) {
        return new Trusted(svg.append("</svg>").toString());
    }

    private static Trusted empty(String title, String message) {
        return new Trusted("<p class=\"no-data\" title=\"" + Xml.escape(title) + "\">" + Xml.escape(message) + "</p>");
    }

    private static String colourOf(String severity) {
        return switch (severity) {
            case "SEV1" -> OVERDUE;
            case "SEV2" -> "rgb(255, 139, 0)";
            case "SEV3" -> OPEN;
            default -> NEUTRAL;
        };
    }

    private static double hours(Duration d) {
        return d.toSeconds() / 3600.0;
    }

    static String human(double hours) {
        if (hours < 1) return Math.round(hours * 60) + "m";
        if (hours < 48) return String.format(Locale.ROOT, "%.1fh", hours);
        return String.format(Locale.ROOT, "%.1fd", hours / 24);
    }

    private static String shortKey(String key, int room) {
        if (key == null) return "";
        return room >= 40 || key.length() <= 5 ? key : key.substring(key.indexOf('-') + 1);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
