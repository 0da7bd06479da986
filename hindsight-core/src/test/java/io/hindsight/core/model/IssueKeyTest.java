package io.hindsight.core.model;

import org.junit.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The one rule for issue keys, wherever they come from. */
public class IssueKeyTest {
    @Test
    public void keysAsJiraMakesThem() {
        for (String k : List.of("PM-12", "OPS-1", "DB2-7", "MY_TEAM-100", "ABCDEFGHIJKLMN-3")) assertTrue(k, IssueKey.isKey(k));
        for (String k : List.of("pm-12", "A-1", "PM-0", "PM-012", "PM12", "1PM-3", "PM-12\") OR (\"x", "", "PM-")) assertFalse(k, IssueKey.isKey(k));
        assertFalse(IssueKey.isKey(null));
    }

    @Test
    public void aWrongKeyIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IssueKey.of("not-a-key"));
        assertEquals("not a Jira issue key: 'not-a-key'", e.getMessage());
    }

    @Test
    public void keysSortByProjectThenNumber() {
        assertTrue(IssueKey.of("OPS-9").compareTo(IssueKey.of("OPS-10")) < 0);
        assertTrue(IssueKey.of("DB-99").compareTo(IssueKey.of("OPS-1")) < 0);
        assertEquals("OPS", IssueKey.of("OPS-10").project());
        assertEquals(10, IssueKey.of("OPS-10").number());
    }

    @Test
    public void theFirstKeyInFreeText() {
        assertEquals(Optional.of(IssueKey.of("OPS-7")), IssueKey.firstIn("see OPS-7, then OPS-8"));
        assertEquals(Optional.empty(), IssueKey.firstIn("n/a"));
    }
}
