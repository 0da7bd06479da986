package io.hindsight.core.remind;

import org.junit.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static io.hindsight.core.remind.Reminders.Milestone.DUE_SOON;
import static io.hindsight.core.remind.Reminders.Milestone.OVERDUE;
import static io.hindsight.core.remind.Reminders.Milestone.OVERDUE_A_WEEK;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class RemindersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    public void eachMilestoneOnceInOrder() {
        assertEquals(Optional.empty(), Reminders.due(TODAY.plusDays(3), TODAY, Set.of()));
        assertEquals(Optional.of(DUE_SOON), Reminders.due(TODAY.plusDays(2), TODAY, Set.of()));
        assertEquals(Optional.empty(), Reminders.due(TODAY.plusDays(1), TODAY, Set.of(DUE_SOON)));
        assertEquals(Optional.of(OVERDUE), Reminders.due(TODAY.minusDays(1), TODAY, Set.of(DUE_SOON)));
        assertEquals(Optional.empty(), Reminders.due(TODAY.minusDays(6), TODAY, Set.of(DUE_SOON, OVERDUE)));
        assertEquals(Optional.of(OVERDUE_A_WEEK), Reminders.due(TODAY.minusDays(7), TODAY, Set.of(DUE_SOON, OVERDUE)));
    }

    @Test
    public void aTicketFoundLateGetsOnlyTheMilestoneItReached() {
        assertEquals(Optional.of(OVERDUE_A_WEEK), Reminders.due(TODAY.minusDays(30), TODAY, Set.of()));
        assertEquals(Optional.empty(), Reminders.due(TODAY.minusDays(1), TODAY, Set.of(OVERDUE_A_WEEK)));
    }

    @Test
    public void messagesSayWhatAndWho() {
        assertEquals("Reminder: OPS-7 is due on 2026-11-27 (in 1 day). It remediates PM-12. Owner: Maria Garcia.",
                Reminders.message(DUE_SOON, "OPS-7", TODAY.plusDays(1), "Maria Garcia", "PM-12", TODAY));
        assertTrue(Reminders.message(OVERDUE_A_WEEK, "OPS-7", TODAY.minusDays(9), null, "PM-12", TODAY)
                .startsWith("OPS-7 is overdue by 9 days (due 2026-11-17). It remediates PM-12. This action has no owner yet"));
        assertEquals("hindsight-reminded-overdue-a-week", OVERDUE_A_WEEK.label());
    }
}
