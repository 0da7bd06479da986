package io.hindsight.core.render;


/** A post-mortem page as Jira Data Center wiki markup (issue descriptions and comments). */
final class WikiPage {
    private static final Lozenges LOZENGES = new Lozenges();

    private WikiPage() {
    }

    static String render(PageView v) {
        StringBuilder out = new StringBuilder();
        out.append(status(v.severity())).append(' ').append(status(v.state())).append("\n\n");
        if (!v.facts().isEmpty()) {
            for (PageView.Fact f : v.facts()) {
                out.append("||").append(WikiText.escape(f.label())).append('|').append(cell(link(f.url(), f.value()))).append("|\n");
            }
            out.append('\n');
        }
        for (PageView.SectionView s : v.sections()) {
            if (!s.heading().isEmpty()) out.append("h2. ").append(WikiText.escape(s.heading())).append("\n\n");
            if (!s.text().isEmpty()) out.append(WikiMarkdown.blocks(s.text())).append("\n\n");
            if (!s.timeline().isEmpty()) {
                if (s.timeZoneNote() != null) out.append('_').append(WikiText.escape(s.timeZoneNote())).append("_\n\n");
                out.append("||Time||Event||\n");
                for (PageView.TimelineRow r : s.timeline()) {
                    String kind = r.kind().isEmpty() ? "" : status(LOZENGES.kind(r.kind())) + " ";
                    out.append('|').append(cell(WikiText.escape(r.time()))).append('|').append(cell(kind + WikiMarkdown.inline(r.text()))).append("|\n");
                }
                out.append('\n');
            }
            for (String why : s.whys()) out.append("# ").append(WikiMarkdown.inline(why)).append('\n');
            if (!s.whys().isEmpty()) out.append('\n');
            for (PageView.FactorGroup g : s.factors()) {
                out.append("h3. ").append(WikiText.escape(g.category())).append("\n\n");
                for (String f : g.factors()) out.append("* ").append(WikiMarkdown.inline(f)).append('\n');
                out.append('\n');
            }
            if (!s.actions().isEmpty()) {
                out.append("||Action||Class||Owner||Due||Status||Ticket||\n");
                for (PageView.ActionRow a : s.actions()) {
                    out.append('|').append(cell(WikiText.escape(a.summary())))
                            .append('|').append(cell(WikiText.escape(a.actionClass())))
                            .append('|').append(cell(WikiText.escape(a.owner())))
                            .append('|').append(cell(a.overdue() ? "*" + WikiText.escape(a.due()) + "*" : WikiText.escape(a.due())))
                            .append('|').append(status(a.status()))
                            .append('|').append(cell(link(a.ticketUrl(), a.ticket()))).append("|\n");
                }
                out.append('\n');
                if (v.jql() != null) out.append("Remediation tickets: {{").append(WikiText.escape(v.jql())).append("}}\n\n");
            }
        }
        out.append("{panel}").append(WikiText.escape(v.footer())).append("{panel}\n");
        return out.toString();
    }

    /** Jira DC has no lozenge in wiki markup: bold text in a fixed colour, the text escaped. */
    private static String status(PageView.Lozenge l) {
        String colour = switch (l.colour()) {
            case "Red" -> "#bf2600";
            case "Yellow" -> "#ff8b00";
            case "Green" -> "#006644";
            case "Blue" -> "#0747a6";
            case "Purple" -> "#403294";
            default -> "#42526e";
        };
        return "{color:" + colour + "}*" + WikiText.escape(l.text()) + "*{color}";
    }

    private static String link(String url, String text) {
        String t = WikiText.escape(text);
        if (url == null) return t;
        return SafeUrl.http(url).map(u -> "[" + t + "|" + WikiMarkdown.url(u) + "]").orElse(t);
    }

    /** Jira drops empty table cells, shifting the row: an empty cell holds a space. */
    private static String cell(String s) {
        return s.isEmpty() ? " " : s;
    }

}
