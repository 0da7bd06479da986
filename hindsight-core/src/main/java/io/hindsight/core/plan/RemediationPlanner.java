package io.hindsight.core.plan;

import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.PostMortem;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns a post-mortem's action items into the remediation tickets its SLO policy asks for. */
public final class RemediationPlanner {
    private final SloPolicy policy;

    public RemediationPlanner(SloPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param today   the date to count from when the policy's basis date is not known yet
     * @param pmUrl   a link to the post-mortem for ticket descriptions; null when it has none yet
     */
    public RemediationPlan plan(PostMortem pm, LocalDate today, String pmUrl) {
        List<String> notes = new ArrayList<>();
        Basis basis = basisDate(pm, today, notes);
        String fallbackProject = policy.defaultProject() != null ? policy.defaultProject()
                : pm.issueKey().map(k -> k.substring(0, k.indexOf('-'))).orElse(null);
        List<DesiredTicket> tickets = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (ActionItem a : pm.actionItems()) {
            // an action written twice carries one id: one ticket serves both lines
            if (!planned.add(a.id())) continue;
            LocalDate due = a.due();
            DesiredTicket.DueSource source = DesiredTicket.DueSource.AUTHOR;
            if (due == null) {
                Optional<Period> after = policy.dueAfter(a.actionClass(), pm.severity());
                due = after.map(basis.date()::plus).orElse(null);
                source = due == null ? DesiredTicket.DueSource.NONE : basis.provisional() ? DesiredTicket.DueSource.PROVISIONAL : DesiredTicket.DueSource.POLICY;
            }
            String project = a.project() != null ? a.project() : fallbackProject;
            if (project == null) {
                notes.add("action '" + a.summary() + "' has no target project: add project:KEY to it or set defaultProject in the SLO policy");
            }
            Set<String> labels = new LinkedHashSet<>(policy.labels());
            labels.addAll(a.labels());
            tickets.add(new DesiredTicket(a.id(), a.actionClass(), a.summary(), description(pm, a, due, source, pmUrl),
                    a.owner(), due, source, policy.priorityFor(pm.severity()).orElse(null), List.copyOf(labels),
                    project, a.done(), ticketOf(pm, a)));
        }
        return new RemediationPlan(pm.key(), tickets, IncidentDurations.of(pm), basis.date(), notes);
    }

    /** The ticket the action names, on whichever of its lines names one. */
    private static String ticketOf(PostMortem pm, ActionItem a) {
        if (a.ticket() != null) return a.ticket();
        return pm.actionItems().stream().filter(x -> x.id().equals(a.id()) && x.ticket() != null).map(ActionItem::ticket).findFirst().orElse(null);
    }

    /** The day policy due dates count from; provisional when it is only the day of planning. */
    private record Basis(LocalDate date, boolean provisional) {
    }

    private Basis basisDate(PostMortem pm, LocalDate today, List<String> notes) {
        Optional<LocalDate> date = switch (policy.countFrom()) {
            case APPROVED -> pm.approvedOn();
            case RESOLVED -> pm.times().resolvedAt().map(t -> t.toLocalDate());
            case STARTED -> pm.times().startedAt().map(t -> t.toLocalDate());
        };
        if (date.isPresent()) return new Basis(date.get(), false);
        // a stand-in that stays put: counting from "today" would move every due date on every day's sync
        Optional<LocalDate> started = pm.times().startedAt().map(t -> t.toLocalDate());
        String missing = policy.countFrom().name().toLowerCase(Locale.ROOT);
        if (started.isPresent()) {
            notes.add("due dates count from " + started.get() + " (the incident's start) because the post-mortem has no " + missing
                    + " date yet; they move when it gets one");
            return new Basis(started.get(), false);
        }
        notes.add("due dates count from " + today + " for now, because the post-mortem records neither its " + missing
                + " date nor its start; tickets keep the date they were created with until it records one");
        return new Basis(today, true);
    }

    /** Plain text; the renderers turn it into wiki markup or ADF for the ticket. */
    private String description(PostMortem pm, ActionItem a, LocalDate due, DesiredTicket.DueSource source, String pmUrl) {
        StringBuilder sb = new StringBuilder();
        sb.append("Remediation action from the post-mortem ");
        if (pm.key() != null) sb.append(pm.key()).append(' ');
        sb.append('"').append(pm.title()).append('"');
        if (pm.severity() != null) sb.append(" (").append(pm.severity()).append(')');
        sb.append(".\n\n").append("Action: ").append(a.summary()).append('\n');
        sb.append("Class: ").append(a.actionClass()).append('\n');
        if (source == DesiredTicket.DueSource.POLICY || source == DesiredTicket.DueSource.PROVISIONAL) {
            sb.append("Due ").append(due).append(" under the SLO policy for ").append(a.actionClass()).append(" actions")
                    .append(pm.severity() == null ? "" : " of " + pm.severity().name())
                    .append(source == DesiredTicket.DueSource.PROVISIONAL ? ", for now: the post-mortem has no approval or start date yet" : "").append(".\n");
        }
        if (pmUrl != null) sb.append("\nPost-mortem: ").append(pmUrl).append('\n');
        return sb.toString().strip();
    }

    public SloPolicy policy() {
        return policy;
    }

}
