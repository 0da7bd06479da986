package io.hindsight.core.usecase;

import io.hindsight.core.port.Person;
import io.hindsight.core.port.TicketTracker;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An action's owner as the tracker knows them: the team's map of handles to Jira users first
 * ({@code users:} in hindsight.yaml), then the tracker itself. An owner never stops a ticket from
 * existing: one the tracker has no user for gets an unassigned ticket that names them.
 */
final class Owners {
    private final Map<String, String> users;
    private final TicketTracker tracker;

    /** @param users handle (as written after {@code @}) to the Jira user it means; handles compare without case */
    Owners(Map<String, String> users, TicketTracker tracker) {
        this.users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.users.putAll(users);
        this.tracker = tracker;
    }

    /** The name the tracker is asked about: the team's mapping of the handle, else the handle itself. */
    String name(String handle) {
        return users.getOrDefault(handle, handle);
    }

    /**
     * What to assign a ticket of this owner to, without asking where the answer is known: empty when the
     * tracker refused the name before ({@code refused}, remembered on the post-mortem) or has no such user.
     */
    Optional<String> assignee(String handle, Collection<String> refused) {
        String name = name(handle);
        if (refused.stream().anyMatch(r -> r.equalsIgnoreCase(name))) return Optional.empty();
        return tracker.userId(name);
    }

    /** The user the tracker finds for the owner, looked up (for the checker's finding). */
    Optional<Person> find(String handle) {
        return tracker.findUser(name(handle));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
