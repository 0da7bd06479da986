package io.hindsight.core.sync;

import io.hindsight.core.model.SyncState;
import io.hindsight.core.port.Page;
import org.junit.Test;

import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class PageDecisionTest {
    private static final String PAGE = "<p>Generated</p>";
    private static final String SAVED = "<p>Generated</p>\n";

    @Test
    public void noPageYetMeansCreate() {
        PageDecision d = PageDecision.decide(PageDecision.hash(PAGE), SyncState.NONE, Optional.empty());
        assertEquals(PageDecision.Action.CREATE, d.action());
        assertEquals(PageDecision.hash(PAGE), d.renderedHash());
    }

    @Test
    public void sameContentAndNoHandEditWritesNothing() {
        var published = SyncState.ofPage("65601", PageDecision.hash(PAGE), PageDecision.hash(SAVED), 3, null);
        PageDecision d = PageDecision.decide(PageDecision.hash(PAGE), published, Optional.of(new Page("65601", 3, SAVED)));
        assertEquals(PageDecision.Action.UNCHANGED, d.action());
    }

    @Test
    public void newContentIsTheNextVersion() {
        var published = SyncState.ofPage("65601", PageDecision.hash(PAGE), PageDecision.hash(SAVED), 3, null);
        PageDecision d = PageDecision.decide(PageDecision.hash("<p>New action</p>"), published, Optional.of(new Page("65601", 3, SAVED)));
        assertEquals(PageDecision.Action.UPDATE, d.action());
        assertEquals(4, d.newVersion());
        assertFalse(d.handEdited());
    }

    @Test
    public void aHandEditIsDetectedAndItsVersionNamedEvenWhenOurContentDidNotChange() {
        var published = SyncState.ofPage("65601", PageDecision.hash(PAGE), PageDecision.hash(SAVED), 3, null);
        PageDecision d = PageDecision.decide(PageDecision.hash(PAGE), published, Optional.of(new Page("65601", 4, "<p>Someone typed here</p>")));
        assertEquals(PageDecision.Action.UPDATE, d.action());
        assertTrue(d.handEdited());
        assertEquals("the hand-edited version stays in the page history", 4, d.replacedVersion());
        assertEquals(5, d.newVersion());
    }

    @Test
    public void confluenceNormalisingMarkupIsNotAHandEdit() {
        var published = SyncState.ofPage("65601", PageDecision.hash(PAGE), PageDecision.hash("<p>Generated</p>"), 3, null);
        assertEquals(PageDecision.Action.UNCHANGED, PageDecision.decide(PageDecision.hash(PAGE), published, Optional.of(new Page("65601", 3, "<p>Generated</p>\r\n"))).action());
    }
}
