package io.hindsight.jira.port;

import com.atlassian.jira.issue.Issue;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;

import java.util.Optional;
import java.util.Set;

/**
 * The core's ports as this Jira (and its Confluence) offers them to the app. Background work (the queue,
 * reminders) acts as the account set on the admin page; a report is built as the signed-in user, so it holds
 * only what that user may see. Post-mortem fields are read with the action classes of the site's SLO policy.
 */
public interface JiraSite {
    /** Post-mortems, written as the account Hindsight acts as. */
    PostMortemStore postMortems(Set<String> actionClasses);

    /** Remediation tickets, written as the account Hindsight acts as. */
    TicketTracker tickets();

    /** Post-mortems and tickets as the signed-in user finds them (reports). */
    PostMortemStore postMortemsForCurrentUser(Set<String> actionClasses);

    TicketTracker ticketsForCurrentUser();

    /** The Confluence pages: by the admin's token, else through the Application Link. */
    WikiPages pages();

    /** A post-mortem as an issue object holds it (a transition's issue carries its screen's values before they are stored). */
    PostMortem read(Issue issue, Set<String> actionClasses);

    /** Whether {@code project} can take a new post-mortem (the project exists and its scheme offers the type). */
    ProjectReadiness readinessForPostMortems(String project);

    /** Creates a post-mortem for an incident, linked to it. */
    IssueKey startPostMortem(String incidentKey, String project, PostMortem draft, Set<String> actionClasses);

    /** The account Hindsight acts as, whose own changes need no sync; empty when none is set. */
    Optional<String> ownAccount();

    /** Jira's base URL, for links on pages. */
    String baseUrl();

    /** Runs background work signed in as Hindsight's account (an Application Link acts for the signed-in user). */
    <T> T asHindsight(java.util.function.Supplier<T> work);
}
