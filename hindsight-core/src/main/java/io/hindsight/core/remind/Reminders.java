package io.hindsight.core.remind;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When an open remediation ticket is owed a reminder: due within two days, overdue, overdue a week.
 * Each milestone is sent once; a ticket found late gets only the milestone it has reached.
 */
public final class Reminders {
    public enum Milestone {
        DUE_SOON, OVERDUE, OVERDUE_A_WEEK;

        /** The label a ticket carries once this reminder was sent. */
        public String label() {
            return "hindsight-reminded-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Milestone> fromLabel(String label) {
            for (Milestone m : values()) if (m.label().equals(label)) return Optional.of(m);
            return Optional.empty();
        }
    }

    private Reminders() {
    }

    public static Optional<Milestone> due(LocalDate due, LocalDate today, Set<Milestone> sent) {
        if (due == null) return Optional.empty();
        long days = ChronoUnit.DAYS.between(today, due);
        Milestone reached = days <= -7 ? Milestone.OVERDUE_A_WEEK : days < 0 ? Milestone.OVERDUE : days <= 2 ? Milestone.DUE_SOON : null;
        if (reached == null) return Optional.empty();
        // a later milestone already sent covers the earlier ones
        for (Milestone m : sent) if (m.ordinal() >= reached.ordinal()) return Optional.empty();
        return Optional.of(reached);
    }

    /** The comment for a milestone, in Markdown. */
    public static String message(Milestone m, String ticket, LocalDate due, String owner, String postMortem, LocalDate today) {
        long days = Math.abs(ChronoUnit.DAYS.between(today, due));
        String who = owner == null ? "This action has no owner yet; please assign it." : "Owner: " + owner + ".";
        String from = postMortem == null ? "" : " It remediates " + postMortem + ".";
        return switch (m) {
            case DUE_SOON -> "Reminder: " + ticket + " is due on " + due + " (in " + days + " day" + (days == 1 ? "" : "s") + ")." + from + " " + who;
            case OVERDUE -> ticket + " was due on " + due + " and is overdue." + from + " " + who
                    + " If the date no longer fits, change the due date of the action in the post-mortem.";
            case OVERDUE_A_WEEK -> ticket + " is overdue by " + days + " days (due " + due + ")." + from + " " + who
                    + " The post-mortem's approvers are asked to help unblock it or agree a new date.";
        };
    }
}
