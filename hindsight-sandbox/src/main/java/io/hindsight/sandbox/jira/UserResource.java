package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;

import java.util.List;
import java.util.Map;

/** The signed-in user ({@code myself}) and user search: by user name on Data Center, by {@code query} on Cloud. */
final class UserResource {
    private final JiraState state;
    private final JiraJson json;
    private final Flavor flavor;

    UserResource(JiraJson json) {
        this.state = json.state;
        this.json = json;
        this.flavor = json.flavor;
    }

    void routes(Route on) {
        on.add("GET", json.api + "/myself", this::myself);
        on.add("GET", json.api + "/user/search", this::findUsers);
    }

    private void myself(Exchange ex) {
        synchronized (state) {
            JiraState.User u = state.userByIdOrName(ex.user()).orElseThrow(() -> new SandboxError(401, "You are not authenticated."));
            ObjectNode n = json.user(u);
            if (flavor == Flavor.CLOUD) n.put("emailAddress", u.email()).put("timeZone", "Etc/UTC").put("locale", "en_US");
            else n.put("timeZone", "Etc/UTC").put("locale", "en_UK");
            ex.ok(n);
        }
    }

    private void findUsers(Exchange ex) {
        String q = flavor == Flavor.CLOUD ? ex.query("query") : ex.query("username");
        if (q == null) throw new SandboxError(400, flavor == Flavor.CLOUD ? "The query parameter 'query' is required." : "The username query parameter was not provided");
        String needle = q.toLowerCase();
        ArrayNode a = Exchange.array();
        synchronized (state) {
            state.users.values().stream().filter(u -> u.name().toLowerCase().startsWith(needle) || u.displayName().toLowerCase().contains(needle)
                    || u.email().toLowerCase().startsWith(needle)).limit(ex.queryInt("maxResults", 50)).forEach(u -> a.add(json.user(u)));
        }
        ex.ok(a);
    }

}
