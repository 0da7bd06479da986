package io.hindsight.core.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * What the post-mortem asks of Jira: one desired ticket per action id (an action written twice on the
 * page has one id, so one ticket), the durations, and notes on anything the planner had to assume or
 * could not decide.
 *
 * @param dueBasisDate the date policy due dates counted from
 */
public record RemediationPlan(String postMortemKey, List<DesiredTicket> tickets, IncidentDurations durations,
                              LocalDate dueBasisDate, List<String> notes) {
    public RemediationPlan {
        tickets = List.copyOf(tickets);
        notes = List.copyOf(notes);
    }
}
