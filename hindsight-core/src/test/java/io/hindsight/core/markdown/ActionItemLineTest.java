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

    @Test
    public void checkboxesAsPeopleTypeThemAreReadAndNeverReachTheSummary() {
        for (String open : List.of("- [] Rotate the keys @ana", "- [ ] Rotate the keys @ana", "- [  ] Rotate the keys @ana", "- []Rotate the keys @ana")) {
            ActionItem a = item(open);
            assertEquals(open, "Rotate the keys", a.summary());
            assertFalse(open, a.done());
        }
        for (String done : List.of("- [x] Rotate the keys", "- [X] Rotate the keys", "- [ x] Rotate the keys", "- [x ] Rotate the keys",
                "- [ X ] Rotate the keys", "- [✓] Rotate the keys", "- [✔] Rotate the keys")) {
            ActionItem a = item(done);
            assertEquals(done, "Rotate the keys", a.summary());
            assertTrue(done, a.done());
        }
        assertEquals("priority", item("- [] [priority] Rotate the keys").actionClass());
        assertTrue(problem("- [-] Rotate the keys").contains("'[-]' is not a checkbox"));
        assertTrue(problem("- [/] Rotate the keys").contains("write [ ] for an open action or [x] for a done one"));
    }

    private static ActionItemLine.Result read(String line) {
        return ActionItemLine.parse(line, CLASSES);
    }

    @Test
    public void nearMissAttributesAreReadAsTheRightOneAndNamed() {
        ActionItemLine.Result due = read("- [ ] Add a lag alert @ana duedate:2026-12-01");
        assertEquals("Add a lag alert", due.item().summary());
        assertEquals(LocalDate.of(2026, 12, 1), due.item().due());
        assertEquals(1, due.notes().size());
        assertTrue(due.notes().get(0).message(), due.notes().get(0).message().contains("'duedate:'"));
        assertEquals("due:2026-12-01", due.notes().get(0).suggestion());

        ActionItemLine.Result deadline = read("- [ ] Add a lag alert deadline: 2026-12-01 assignee: @ana tags: db,lag");
        assertEquals("Add a lag alert", deadline.item().summary());
        assertEquals(LocalDate.of(2026, 12, 1), deadline.item().due());
        assertEquals("ana", deadline.item().owner());
        assertEquals(List.of("db", "lag"), deadline.item().labels());
        assertEquals(List.of("due:2026-12-01", "@ana", "labels:db,lag"), deadline.notes().stream().map(ActionItemLine.Note::suggestion).toList());

        ActionItem spaced = item("- [ ] Add a lag alert owner: @ana due: 2026-12-01");
        assertEquals("Add a lag alert", spaced.summary());
        assertEquals("ana", spaced.owner());
        assertEquals(LocalDate.of(2026, 12, 1), spaced.due());
        assertEquals("the canonical names with a space are fine as they are", List.of(), read("- [ ] Add a lag alert owner: @ana due: 2026-12-01").notes());
    }

    @Test
    public void anAttributeHindsightDoesNotHaveIsRefusedWithWhatToWriteInstead() {
        assertTrue(problem("- [ ] Add a lag alert @ana prio:high").contains("[priority]"));
        assertTrue(problem("- [ ] Add a lag alert @ana prio: high").contains("'prio:'"));
        assertTrue(problem("- [ ] Add a lag alert @ana priority:P1").contains("[priority]"));
        assertTrue(problem("- [ ] Add a lag alert duedate:soon").contains("write due:YYYY-MM-DD"));
        String unknown = problem("- [ ] Add a lag alert @ana component:db");
        assertTrue(unknown, unknown.contains("'component:'") && unknown.contains("due:"));
        ActionItemLine.Result eta = read("- [ ] Move the queue to SQS @lee eta: Q1");
        assertEquals("kept, not lost", "Move the queue to SQS eta: Q1", eta.item().summary());
        assertEquals("due:YYYY-MM-DD", eta.notes().get(0).suggestion());
        assertEquals("prose with a colon is not an attribute", "Agree a deadline: by Friday with the vendor",
                item("- [ ] Agree a deadline: by Friday with the vendor @ana").summary());
        assertEquals("Add tags: service and env to every metric", item("- [ ] Add tags: service and env to every metric @ana").summary());
        assertEquals("Add a lag alert (see runbook:db-failover)", item("- [ ] Add a lag alert @ana (see runbook:db-failover)").summary());
        assertEquals("an image tag in the words is no attribute", "Pin the base image to nginx:1.25",
                item("- [ ] Pin the base image to nginx:1.25 @ana").summary());
        assertEquals("Mail oncall@example.com when https://status.example.com/x:y changes",
                item("- [ ] Mail oncall@example.com when https://status.example.com/x:y changes @ana").summary());
    }
}
