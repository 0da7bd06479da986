package io.hindsight.core.render;

import io.hindsight.core.Examples;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.report.RemediationReport;
import io.hindsight.core.report.ReportData;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.TrackedPostMortem;
import io.hindsight.core.model.SyncState;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The HTML report: charts people can look at, the numbers beside them, and no way for user text to become markup. */
public class ReportPageTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String HOSTILE = "\"><script>alert(1)</script><svg onload=alert(2)>";

    private static TrackedPostMortem loaded(PostMortem pm) {
        return new TrackedPostMortem(key(pm), pm, SyncState.NONE, List.of());
    }

    private static ReportData data() {
        PostMortem lag = Examples.asPublished("replication-lag.md", "PM-12").postMortem();
        PostMortem mail = Examples.read("atlassian-handbook.md").postMortem();
        PostMortem hostile = new MarkdownReader(SloPolicyLoader.defaults().actionClasses()).read("""
                ---
                title: 'Cache stampede %s'
                key: PM-66
                severity: SEV1
                started: 2026-10-01 09:00 UTC
                resolved: 2026-10-01 13:30 UTC
                services: ['checkout', '%s']
                ---
                ## Contributing factors

                - [monitoring gap] No alert on cache hit rate %s
                - [capacity] The cache tier was sized for last year's traffic.
                """.formatted(HOSTILE.replace("'", "''"), HOSTILE.replace("'", "''"), HOSTILE), "hostile.md").postMortem();
        return RemediationReport.data(List.of(loaded(lag), loaded(mail), loaded(hostile)), TODAY);
    }

    @Test
    public void recurringCausesAndServicesAreCountedOncePerPostMortem() {
        ReportData d = data();
        ReportData.Recurring gap = d.causes().stream().filter(c -> c.name().equals("monitoring-gap")).findFirst().orElseThrow();
        assertEquals("two post-mortems name a monitoring gap: " + d.causes(), List.of("PM-12", "PM-66"), gap.postMortems().stream().sorted().toList());
        assertTrue("most shared first: " + d.causes(), d.causes().get(0).count() >= gap.count());
        assertEquals("checkout", d.services().get(0).name());
        assertEquals(2, d.services().get(0).count());
        assertEquals("oldest incident first", "PM-66", d.postMortems().get(0).key());
    }

    @Test
    public void thePageHasItsChartsAndEscapesEverything() throws Exception {
        String html = new ReportPage().html(data(), "Remediation report");
        assertFalse(html, html.contains("<script"));
        assertTrue(html, html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.NamedNodeMap attrs = all.item(i).getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) assertFalse("no event handler attributes: " + attrs.item(a), attrs.item(a).getNodeName().startsWith("on"));
            assertFalse(all.item(i).getNodeName().equalsIgnoreCase("script"));
        }
        NodeList svgs = doc.getElementsByTagName("svg");
        assertEquals("remediation, time to resolve, causes, services", 4, svgs.getLength());
        for (int i = 0; i < svgs.getLength(); i++) {
            assertEquals("every chart is labelled for screen readers", "title", ((org.w3c.dom.Element) svgs.item(i)).getElementsByTagName("title").item(0).getNodeName());
        }
        NodeList bars = doc.getElementsByTagName("rect");
        assertTrue(bars.getLength() >= 8);
        assertTrue("the numbers are in a table too", html.contains("<td class=\"n\">2</td>"));
    }

    @Test
    public void anEmptyReportSaysSoInsteadOfDrawingNothing() {
        String html = new ReportPage().html(RemediationReport.data(List.of(), TODAY), "Remediation report");
        assertTrue(html, html.contains("No post-mortem records both its start and its resolution yet."));
        assertTrue(html, html.contains("0 post-mortem(s)"));
    }

    /** The post-mortem's own key, or one made up for a file that has none. */
    private static IssueKey key(io.hindsight.core.model.PostMortem pm) {
        return IssueKey.of(pm.key() != null ? pm.key() : "PM-" + (1 + Math.abs(pm.title().hashCode() % 999)));
    }
}
