package io.hindsight.core.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** A post-mortem page as an ADF document (Jira Cloud REST v3 descriptions and comments). */
final class AdfPage {
    private static final Lozenges LOZENGES = new Lozenges();

    private AdfPage() {
    }

    static ObjectNode render(PageView v) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(Adf.paragraph(List.of(Adf.status(v.severity()), Adf.text(" ", List.of()), Adf.status(v.state()))));
        if (!v.facts().isEmpty()) {
            List<ObjectNode> rows = new ArrayList<>();
            for (PageView.Fact f : v.facts()) {
                rows.add(Adf.node("tableRow", List.of(cell("tableHeader", text(f.label())), cell("tableCell", linked(f.url(), f.value())))));
            }
            blocks.add(Adf.node("table", rows));
        }
        for (PageView.SectionView s : v.sections()) {
            if (!s.heading().isEmpty()) blocks.add(Adf.heading(2, text(s.heading())));
            if (!s.text().isEmpty()) blocks.addAll(AdfMarkdown.blocks(s.text()));
            if (!s.timeline().isEmpty()) {
                if (s.timeZoneNote() != null) blocks.add(Adf.paragraph(List.of(Adf.text(s.timeZoneNote(), List.of(Adf.mark("em"))))));
                List<ObjectNode> rows = new ArrayList<>();
                rows.add(Adf.node("tableRow", List.of(cell("tableHeader", text("Time")), cell("tableHeader", text("Event")))));
                for (PageView.TimelineRow r : s.timeline()) {
                    List<ObjectNode> event = new ArrayList<>();
                    if (!r.kind().isEmpty()) {
                        event.add(Adf.status(LOZENGES.kind(r.kind())));
                        event.add(Adf.text(" ", List.of()));
                    }
                    event.addAll(AdfMarkdown.inline(r.text()));
                    rows.add(Adf.node("tableRow", List.of(cell("tableCell", text(r.time())), cell("tableCell", event))));
                }
                blocks.add(Adf.node("table", rows));
            }
            if (!s.whys().isEmpty()) {
                List<ObjectNode> items = new ArrayList<>();
                for (String why : s.whys()) items.add(Adf.node("listItem", List.of(Adf.paragraph(AdfMarkdown.inline(why)))));
                blocks.add(Adf.node("orderedList", items));
            }
            for (PageView.FactorGroup g : s.factors()) {
                blocks.add(Adf.heading(3, text(g.category())));
                List<ObjectNode> items = new ArrayList<>();
                for (String f : g.factors()) items.add(Adf.node("listItem", List.of(Adf.paragraph(AdfMarkdown.inline(f)))));
                blocks.add(Adf.node("bulletList", items));
            }
            if (!s.actions().isEmpty()) {
                List<ObjectNode> rows = new ArrayList<>();
                List<ObjectNode> header = new ArrayList<>();
                for (String h : List.of("Action", "Class", "Owner", "Due", "Status", "Ticket")) header.add(cell("tableHeader", text(h)));
                rows.add(Adf.node("tableRow", header));
                for (PageView.ActionRow a : s.actions()) {
                    List<ObjectNode> due = a.overdue() ? textWith(a.due(), Adf.mark("strong")) : text(a.due());
                    rows.add(Adf.node("tableRow", List.of(cell("tableCell", text(a.summary())), cell("tableCell", text(a.actionClass())),
                            cell("tableCell", text(a.owner())), cell("tableCell", due), cell("tableCell", List.of(Adf.status(a.status()))),
                            cell("tableCell", linked(a.ticketUrl(), a.ticket())))));
                }
                blocks.add(Adf.node("table", rows));
                if (v.jql() != null) {
                    List<ObjectNode> p = new ArrayList<>(text("Remediation tickets: "));
                    p.addAll(textWith(v.jql(), Adf.mark("code")));
                    blocks.add(Adf.paragraph(p));
                }
            }
        }
        blocks.add(Adf.panel("info", List.of(Adf.paragraph(text(v.footer())))));
        return Adf.doc(blocks);
    }

    private static ObjectNode cell(String type, List<ObjectNode> inline) {
        return Adf.node(type, List.of(Adf.paragraph(inline)));
    }

    private static List<ObjectNode> text(String s) {
        ObjectNode t = Adf.text(s, List.of());
        return t == null ? List.of() : List.of(t);
    }

    private static List<ObjectNode> textWith(String s, ObjectNode mark) {
        ObjectNode t = Adf.text(s, List.of(mark));
        return t == null ? List.of() : List.of(t);
    }

    private static List<ObjectNode> linked(String url, String s) {
        if (url == null) return text(s);
        return SafeUrl.http(url).map(u -> textWith(s, Adf.link(u))).orElseGet(() -> text(s));
    }
}
