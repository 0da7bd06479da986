package io.hindsight.core.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comment has to tell: every change since the last comment that told one, whichever attempt made it.
 * A sync that crashed after creating tickets, or whose comment was refused, leaves its changes to the next
 * attempt's comment, which names them all, once.
 *
 * @param created    tickets Hindsight made that no comment has named yet
 * @param unassigned of those, the ones left unassigned, with the owner the action names
 * @param notReassigned tickets whose action now names an owner Jira has no user for: they keep their assignee
 * @param updated    tickets whose fields were brought in step
 * @param closed     tickets moved to done because their action was ticked off
 * @param page       what became of the page, or null when nothing did
 * @param stuck      tickets whose action is ticked off but whose workflow offers no way to done, by the status they are in
 * @param healed     duplicate tickets resolved, by the key of the ticket kept for their action
 * @param earlier    true when some of this news comes from an earlier attempt (which may have commented before it stopped)
 */
public record News(List<String> created, Map<String, String> unassigned, Map<String, String> notReassigned, List<String> updated, List<String> closed, Page page,
                   Map<String, String> stuck, Map<String, Healed> healed, boolean earlier) {
    /** @param handEditedVersion the version someone edited by hand that this page write replaced; 0 when none */
    public record Page(boolean created, String pageId, int handEditedVersion) {
    }

    /** @param done whether it reached done; if not, {@code status} is where its workflow left it */
    public record Healed(String kept, boolean done, String status) {
    }

    public News {
        created = List.copyOf(created);
        unassigned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unassigned));
        notReassigned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notReassigned));
        updated = List.copyOf(updated);
        closed = List.copyOf(closed);
        stuck = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stuck));
        healed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(healed));
    }

    public static final News NONE = new News(List.of(), Map.of(), Map.of(), List.of(), List.of(), null, Map.of(), Map.of(), false);

    public boolean isEmpty() {
        return created.isEmpty() && notReassigned.isEmpty() && updated.isEmpty() && closed.isEmpty() && page == null && stuck.isEmpty() && healed.isEmpty();
    }
}
