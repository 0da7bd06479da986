package io.hindsight.core.markdown;

import io.hindsight.core.model.ActionItem;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class ActionItemLineTest {
    private static final Set<String> CLASSES = Set.of("priority", "improvement");

    private static ActionItem item(String line) {
        ActionItemLine.Result r = ActionItemLine.parse(line, CLASSES);
        assertTrue("should parse: " + line + " but: " + r.problem(), r.ok());
        return r.item();
    }

    private static String problem(String line) {
        ActionItemLine.Result r = ActionItemLine.parse(line, CLASSES);
        assertFalse("should not parse: " + line, r.ok());
        return r.problem();
    }

    @Test
    public void readsTheDesignExampleWithEveryPart() {
        ActionItem a = item("- [ ] [priority] Alert on replication lag above 60 s @maria due:2026-12-20 project:OPS");
        assertEquals("priority", a.actionClass());
        assertEquals("Alert on replication lag above 60 s", a.summary());
        assertEquals("maria", a.owner());
        assertEquals(LocalDate.of(2026, 12, 20), a.due());
        assertEquals("OPS", a.project());
        assertFalse(a.done());
        assertNull(a.ticket());
    }

    @Test
    public void forgivesCaseAndSpacing() {
        ActionItem a = item("*   [X]   [Priority]  Rotate the keys   Due: 2026-12-20  @kenji   Project: ops  labels:sec,keys ticket:ops-12");
        assertTrue(a.done());
        assertEquals("priority", a.actionClass());
        assertEquals("Rotate the keys", a.summary());
        assertEquals(LocalDate.of(2026, 12, 20), a.due());
        assertEquals("OPS", a.project());
        assertEquals(List.of("sec", "keys"), a.labels());
        assertEquals("OPS-12", a.ticket());
    }

    @Test
    public void checkboxAndClassAreOptional() {
        ActionItem a = item("- Add a rate limit to the import tool @lee");
        assertEquals("improvement", a.actionClass());
        assertFalse(a.done());
        assertEquals("lee", a.owner());
    }

    @Test
    public void emailsAndUrlsInTheSummaryAreNotTokens() {
        ActionItem a = item("- [ ] Mail oncall@example.com when https://status.example.com/x:y changes @ana");
        assertEquals("Mail oncall@example.com when https://status.example.com/x:y changes", a.summary());
        assertEquals("ana", a.owner());
    }

    @Test
    public void saysWhatToFixWhenALineCannotBeRead() {
        assertTrue(problem("- [ ] [urgent] Fix it @a").contains("unknown action class [urgent]; use one of improvement, priority"));
        assertTrue(problem("- [ ] Fix the leak due:next-week").contains("write due:YYYY-MM-DD"));
        assertTrue(problem("- [ ] Fix the leak due:2026-02-30").contains("is not a date"));
        assertTrue(problem("- [ ] Fix the leak project:1X").contains("not a Jira project key"));
        assertTrue(problem("- [ ] Fix the leak @ana @bo").contains("two owners"));
        assertTrue(problem("- [ ] @ana due:2026-12-01").contains("no summary"));
        assertTrue(problem("- [ ] Fix ticket:nope").contains("not an issue key"));
        assertTrue(problem("- [ ] " + "x".repeat(256)).contains("Jira allows 255"));
    }

    @Test
    public void formatWritesALineThatReadsBackToTheSameItem() {
        ActionItem a = item("- [x] [priority] Pin reads to the primary @kenji due:2026-12-01 project:DB labels:db ticket:DB-7 id:pin-reads");
        String line = ActionItemLine.format(a);
        assertEquals("- [x] [priority] Pin reads to the primary @kenji due:2026-12-01 project:DB labels:db id:pin-reads ticket:DB-7", line);
        assertEquals(a, item(line));
    }

    @Test
    public void derivedIdIgnoresCaseSpacingAndPunctuationButNotWording() {
        String id = ActionItemLine.derivedId("Alert on replication lag above 60 s");
        assertEquals(id, ActionItemLine.derivedId("alert  on replication-lag above 60 s."));
        assertNotEquals(id, ActionItemLine.derivedId("Alert on replication lag above 30 s"));
        assertEquals(id, item("- [ ] Alert on replication lag above 60 s").id());
    }
}
