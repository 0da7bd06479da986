package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;

import java.time.Clock;
import java.util.List;

/**
 * Transitions as Jira offers them: only those of the issue's project's workflow that are available from
 * the issue's current status; taking one that is not answers Jira's 400.
 */
final class WorkflowResource {
    private final JiraState state;
    private final JiraJson json;
    private final Clock clock;
    private final JiraApi.Events events;

    WorkflowResource(JiraJson json, Clock clock, JiraApi.Events events) {
        this.state = json.state;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    void routes(Route on) {
        on.add("GET", json.api + "/issue/{key}/transitions", this::transitions);
        on.add("POST", json.api + "/issue/{key}/transitions", this::transition);
    }

    private void transitions(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = json.issueOr404(ex.param(0));
            ObjectNode body = Exchange.object().put("expand", "transitions");
            ArrayNode a = body.putArray("transitions");
            for (JiraState.Transition t : state.transitionsOf(i)) {
                ObjectNode n = a.addObject().put("id", t.id()).put("name", t.name());
                n.set("to", json.status(state.statuses.get(t.toStatusId())));
                n.put("hasScreen", false).put("isGlobal", t.fromStatusIds().isEmpty()).put("isInitial", false).put("isConditional", false);
            }
            ex.ok(body);
        }
    }

    private void transition(Exchange ex) {
        JiraState.Issue i;
        synchronized (state) {
            i = json.issueOr404(ex.param(0));
            String id = ex.json().path("transition").path("id").asText();
            JiraState.Transition t = state.transitionsOf(i).stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new SandboxError(400, "Transition id '" + id + "' is not valid for this issue."));
            // the sandbox's transitions have no screen: like Jira, it refuses fields (a resolution) they cannot set
            java.util.Iterator<String> fields = ex.json().path("fields").fieldNames();
            if (fields.hasNext()) {
                String f = fields.next();
                throw new SandboxError(400, "", java.util.Map.of(f, "Field '" + f + "' cannot be set. It is not on the appropriate screen, or unknown."));
            }
            i.statusId = t.toStatusId();
            i.updated = clock.instant();
        }
        ex.noContent();
        events.issueUpdated(i, ex.user(), List.of("status"));
    }
}
