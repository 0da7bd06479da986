package io.hindsight.core.port;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.plan.DesiredTicket;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remediation tickets where they live. A ticket answers for an action through the action id it carries
 * from the moment it is created ({@link Schema#ACTION_LABEL_PREFIX} label and {@link Schema#TICKET_PROPERTY}),
 * and is linked to its post-mortem ({@link Schema#LINK_TYPE}); that is how a later sync finds it.
 */
public interface TicketTracker {
    /** A post-mortem's remediation tickets (those linked "is remediated by" from it), oldest key first. */
    List<RemediationTicket> tickets(IssueKey postMortem);

    /** The remediation tickets of several post-mortems at once, for reports: few reads for many post-mortems. */
    Map<IssueKey, List<RemediationTicket>> tickets(List<IssueKey> postMortems);

    /**
     * Creates tickets for actions, each linked to the post-mortem and carrying its action id, in as few
     * writes as the tracker allows. Not idempotent, as Jira is not: the caller creates only what
     * {@link #tickets} did not find.
     */
    CreatedTickets create(IssueKey postMortem, List<DesiredTicket> tickets);

    /** Changes a ticket's fields (summary, owner, due date, priority, added labels); {@link TicketChange#markDone()} is not read. */
    void update(TicketChange change);

    /** Moves a ticket to a done status through its workflow; nothing when the workflow has no way there. */
    void moveToDone(IssueKey ticket);

    /** The tracker's user id for an action owner's name, if there is such a user. */
    Optional<String> userId(String ownerName);

    /** Open tickets carrying {@code label} that are due on or before {@code day}, soonest due first. */
    List<DueTicket> dueBy(String label, LocalDate day);

    /** A comment on a ticket that notifies people: the tracker alerts each one mentioned. */
    void comment(IssueKey ticket, String markdown, List<Person> mention);
}
