package io.hindsight.core.port;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.plan.DesiredTicket;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remediation tickets where they live. A ticket answers for an action through the action id it carries
 * from the moment it is created ({@link Schema#ACTION_LABEL_PREFIX} label and {@link Schema#TICKET_PROPERTY}),
 * and is linked to its post-mortem ({@link Schema#LINK_TYPE}); that is how a later sync finds it.
 */
public interface TicketTracker {
    /**
     * A project as the tracker has it, for the check made before anything is written.
     *
     * @param exists     false when there is no such project, or this account cannot see it
     * @param issueTypes the names of the issue types one may create there
     */
    record Project(String key, boolean exists, List<String> issueTypes) {
        public Project {
            issueTypes = List.copyOf(issueTypes);
        }

        public boolean offers(String issueType) {
            return issueTypes.stream().anyMatch(t -> t.equalsIgnoreCase(issueType));
        }
    }

    /**
     * Where a ticket ended when it was moved toward done.
     *
     * @param done   it is in a status of the done category
     * @param status the status it is in; when not done, its workflow offered no way on from there
     */
    record Moved(boolean done, String status) {
    }

    /** A post-mortem's remediation tickets (those linked "is remediated by" from it), oldest key first. */
    List<RemediationTicket> tickets(IssueKey postMortem);

    /** The remediation tickets of several post-mortems at once, for reports: few reads for many post-mortems. */
    Map<IssueKey, List<RemediationTicket>> tickets(List<IssueKey> postMortems);

    /**
     * The projects named, each with the issue types it offers: the check before writing, in as few reads as the
     * tracker allows; answers may be remembered for a while (a run), as projects rarely change.
     */
    Map<String, Project> projects(Collection<String> keys);

    /**
     * Creates tickets for actions, each linked to the post-mortem and carrying its action id, in as few
     * writes as the tracker allows. Each ticket's {@link DesiredTicket#owner()} is already the tracker's user
     * id ({@link #userId}) or null. Not idempotent, as Jira is not: the caller creates only what
     * {@link #tickets} did not find. A ticket refused for its owner names the field {@code assignee}.
     *
     * @throws OutcomeUnknown when the request went out and no answer came: some tickets may exist, or appear later
     */
    CreatedTickets create(IssueKey postMortem, List<DesiredTicket> tickets);

    /** Changes a ticket's fields (summary, owner, due date, priority, added labels); {@link TicketChange#markDone()} is not read. */
    void update(TicketChange change);

    /**
     * Moves a ticket to a status in the done category through its workflow: the shortest way there, at most a
     * few transitions. When the workflow offers none from where the ticket is, it is left there (or as far on
     * as it could go) and the answer says where.
     */
    Moved moveToDone(IssueKey ticket);

    /**
     * Resolves a ticket as a duplicate of another that answers for the same action: linked to it with the
     * tracker's duplicate link, and moved to done with the resolution Duplicate where its workflow allows.
     */
    Moved markDuplicate(IssueKey duplicate, IssueKey kept);

    /**
     * What to assign a ticket to for a user's name: the account id (Cloud, looked up once per run) or the user
     * name itself (Data Center assigns by name; Jira checks it when the ticket is created, and refuses the
     * assignee of one it does not know). Empty when the tracker is sure there is no such user.
     */
    Optional<String> userId(String name);

    /** The user the tracker finds for a name (user name, e-mail or account id), looked up; empty when there is none. */
    Optional<Person> findUser(String name);

    /** Open tickets carrying {@code label} that are due on or before {@code day}, soonest due first. */
    List<DueTicket> dueBy(String label, LocalDate day);

    /** A comment on a ticket that notifies people: the tracker alerts each one mentioned. */
    void comment(IssueKey ticket, String markdown, List<Person> mention);
}
