package io.hindsight.core.port;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The JQL a person may narrow post-mortems with: it can narrow, never reach past the store's own filter. */
public class FiltersTest {
    @Test
    public void aFilterThatClosesTheStoresBracketIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filters.checked("project = PM) OR (project = OPS"));
        assertTrue(e.getMessage(), e.getMessage().contains("')' at character 13 closes a bracket that was never opened"));
        assertThrows(IllegalArgumentException.class, () -> Filters.checked("project = PM)) OR ((project = OPS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Filters.checked("(project = PM")).getMessage().contains("never closes"));
    }

    @Test
    public void bracketsAndWordsInsideQuotesAreText() {
        assertEquals("summary ~ \"a) OR (b\"", Filters.checked("summary ~ \"a) OR (b\""));
        assertEquals("summary ~ 'it\\'s (odd'", Filters.checked("summary ~ 'it\\'s (odd'"));
        assertEquals("summary ~ \"order by key\"", Filters.checked("summary ~ \"order by key\""));
        assertEquals("(project = PM OR project = DB) AND created >= -90d", Filters.checked("(project = PM OR project = DB) AND created >= -90d"));
    }

    @Test
    public void orderByIsRefusedAndBlankIsNoFilter() {
        assertThrows(IllegalArgumentException.class, () -> Filters.checked("project = PM ORDER BY key"));
        assertNull(Filters.checked("  "));
        assertNull(Filters.checked(null));
    }
}
