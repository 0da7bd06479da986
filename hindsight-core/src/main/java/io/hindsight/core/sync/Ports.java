package io.hindsight.core.sync;

import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.DesiredTicket;

import java.util.List;
import java.util.Optional;

/** What the sync engine needs from the outside world; the Atlassian adapters implement these. */
public final class Ports {
    private Ports() {
    }

    /** A post-mortem issue as loaded in one go: the post-mortem, Hindsight's state, its remediation tickets. */
    public record Loaded(PostMortem postMortem, SyncState state, List<ExistingTicket> tickets) {
        public Loaded {
            tickets = List.copyOf(tickets);
        }
    }

    /** A ticket created for an action. */
    public record Created(String actionId, String key) {
    }

    /** Jira, as the engine sees it. */
    public interface Tracker {
        /** The post-mortem issue, its state and its tickets: two reads. */
        Optional<Loaded> load(String key);

        /** Creates all tickets in as few requests as Jira allows, each linked to the post-mortem and tagged with its action id. */
        List<Created> createTickets(String postMortemKey, List<DesiredTicket> tickets);

        void update(TicketChange change);

        void saveState(String postMortemKey, SyncState state);

        void comment(String postMortemKey, String markdown);

        /** Writes the day a post-mortem was approved into it (the day due dates count from). */
        void recordApproval(String postMortemKey, java.time.LocalDate day);

        /** The Jira user id for an action owner's name, if there is such a user. */
        Optional<String> userId(String ownerName);
    }

    /** A page as Confluence saved it. */
    public record Saved(String id, int version, String storage) {
    }

    /** Confluence, as the engine sees it. */
    public interface Wiki {
        Optional<PageDecision.Current> page(String id);

        Optional<PageDecision.Current> pageByTitle(String title);

        /** Empty when a page with this title already exists (a publish that crashed after creating it). */
        Optional<Saved> create(String title, String storage, List<String> labels);

        Saved update(String id, String title, String storage, int version, String message);
    }
}
