package io.hindsight.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.core.Examples;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicyLoader;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Table cells and list items hold one line of inline Markdown, whatever the author typed; links in
 * text are links, and their URLs are never escaped.
 */
public class CellsAndLinksTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final RenderContext CTX = new RenderContext("https://jira.example.com", null, null, null, TODAY, Map.of());
    /** Each of these, alone after the time, is block Markdown if read as a document. */
    private static final List<String> BLOCKY = List.of("# Status page updated", "> Customer: checkout is down", "----",
            "1. Rollback started", "* Rollback done", "```", "<div>raw</div>", "Paged *again*");

    private static PostMortem timeline() {
        StringBuilder md = new StringBuilder("---\ntitle: Cells\nstarted: 2026-11-02 14:00 UTC\n---\n## Timeline\n");
        for (int i = 0; i < BLOCKY.size(); i++) md.append("- 14:0").append(i).append(" — ").append(BLOCKY.get(i)).append('\n');
        md.append("## Five whys\n1. # Why did it fail?\n## Contributing factors\n- [process] > quoted factor\n");
        PostMortem pm = Examples.reader().read(md.toString(), "cells.md").postMortem();
        assertEquals(BLOCKY.size(), pm.timeline().size());
        return pm;
    }

    private static String render(PostMortemRenderer.Format f, PostMortem pm) {
        return PostMortemRenderer.withBuiltInTemplates().render(f, pm, null, CTX);
    }

    private static List<Element> cells(Document d, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    @Test
    public void aTimelineCellNeverHoldsAHeadingQuoteRuleOrListInStorageFormat() throws Exception {
        assertXhtmlCellsAreInline(AdversarialRenderingTest.parseStorage(render(PostMortemRenderer.Format.CONFLUENCE, timeline())));
    }

    @Test
    public void aTimelineCellNeverHoldsAHeadingQuoteRuleOrListInTheHtmlPreview() throws Exception {
        String html = render(PostMortemRenderer.Format.HTML, timeline());
        assertXhtmlCellsAreInline(AdversarialRenderingTest.parseXml(html.replaceFirst("<!DOCTYPE html>", "")));
    }

    private static void assertXhtmlCellsAreInline(Document d) {
        List<String> shown = new ArrayList<>();
        for (Element td : cells(d, "td")) {
            for (String block : List.of("h1", "h2", "h3", "blockquote", "hr", "ol", "ul", "li", "pre", "p", "ac:structured-macro")) {
                if (block.equals("ac:structured-macro") && td.getElementsByTagName(block).getLength() == 1) continue; // the kind's lozenge
                assertEquals("<" + block + "> inside a cell: " + td.getTextContent(), 0, td.getElementsByTagName(block).getLength());
            }
            shown.add(td.getTextContent().strip());
        }
        for (String b : BLOCKY) {
            if (b.equals("Paged *again*")) continue;
            assertTrue(b + " shown as written in " + shown, shown.contains(b.strip()));
        }
        assertTrue("inline Markdown still works", shown.contains("Paged again"));
        for (Element li : cells(d, "li")) {
            assertEquals(li.getTextContent(), 0, li.getElementsByTagName("h1").getLength() + li.getElementsByTagName("blockquote").getLength());
        }
    }

    @Test
    public void aTimelineCellIsOneInlineRunInWikiMarkup() {
        String wiki = render(PostMortemRenderer.Format.WIKI, timeline());
        List<String> rows = wiki.lines().filter(l -> l.startsWith("|14:0")).toList();
        assertEquals(BLOCKY.size(), rows.size());
        assertTrue(rows.get(0), rows.get(0).endsWith("|\\# Status page updated|"));
        assertTrue(rows.get(1), rows.get(1).endsWith("|> Customer: checkout is down|"));
        assertTrue(rows.get(2), rows.get(2).endsWith("|\\-\\-\\-\\-|"));
        assertTrue(rows.get(3), rows.get(3).endsWith("|1. Rollback started|"));
        assertTrue(rows.get(4), rows.get(4).endsWith("|\\* Rollback done|"));
        assertTrue(rows.get(7), rows.get(7).endsWith("|Paged _again_|"));
        assertTrue(wiki, wiki.contains("# \\# Why did it fail\\?\n"));
        assertTrue(wiki, wiki.contains("* > quoted factor\n"));
        assertFalse("no bold stand-in for a heading", rows.get(0).contains("*Status"));
    }

    @Test
    public void aTimelineCellIsInlineTextInAdf() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(render(PostMortemRenderer.Format.ADF, timeline()));
        List<String> cellTexts = new ArrayList<>();
        tableCells(doc, cellTexts);
        for (String b : BLOCKY) {
            if (b.equals("Paged *again*")) continue;
            assertTrue(b + " in " + cellTexts, cellTexts.contains(b.strip()));
        }
        assertTrue(AdfSchema.validate(render(PostMortemRenderer.Format.ADF, timeline())).isEmpty());
    }

    private static void tableCells(JsonNode node, List<String> out) {
        if (node.path("type").asText().equals("tableCell")) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode t : node.findValues("text")) sb.append(t.asText());
            out.add(sb.toString().strip());
            return;
        }
        for (JsonNode child : node.path("content")) tableCells(child, out);
    }

    @Test
    public void urlsInWikiMarkupAreLinksAndNeverEscaped() {
        String wiki = PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI,
                "Post-mortem: https://jira.example.com/browse/PM-1\n\nDashboard at https://grafana.example.com/d/db-lag_p99?from=now-6h&var-host=*, see it.");
        assertTrue(wiki, wiki.contains("[https://jira.example.com/browse/PM-1]"));
        assertFalse(wiki, wiki.contains("PM\\-1"));
        assertTrue("trailing punctuation is not part of the URL: " + wiki,
                wiki.contains("[https://grafana.example.com/d/db-lag_p99?from=now-6h&var-host=*], see it."));
        String unsafe = PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI, "javascript://%0Aalert(1) and http://x y");
        assertFalse(unsafe, unsafe.contains("[javascript"));
        assertTrue(unsafe, unsafe.contains("javascript://\\%0Aalert\\(1\\)"));
    }

    @Test
    public void aTicketDescriptionLinksBackToThePostMortemInEveryFormat() throws Exception {
        PostMortem pm = Examples.read("replication-lag.md").postMortem();
        String description = new RemediationPlanner(SloPolicyLoader.defaults()).plan(pm, TODAY, "https://jira.example.com/browse/PM-12")
                .tickets().get(0).description();
        assertTrue(PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI, description).contains("[https://jira.example.com/browse/PM-12]"));
        JsonNode adf = new ObjectMapper().readTree(PostMortemRenderer.fieldText(PostMortemRenderer.Format.ADF, description));
        assertEquals(List.of("https://jira.example.com/browse/PM-12"), adf.findValues("href").stream().map(JsonNode::asText).toList());
        assertTrue(PostMortemRenderer.fieldText(PostMortemRenderer.Format.CONFLUENCE, description)
                .contains("<a href=\"https://jira.example.com/browse/PM-12\">https://jira.example.com/browse/PM-12</a>"));
    }

    @Test
    public void theActionSectionsProseStillRendersAsBlocks() {
        PostMortem pm = Examples.reader().read("## Summary\n# Not a cell\n\n> a quote\n", "x.md").postMortem();
        assertTrue(pm.section(SectionKind.SUMMARY).isPresent());
        String storage = render(PostMortemRenderer.Format.CONFLUENCE, pm);
        assertTrue(storage, storage.contains("<blockquote>"));
    }
}
