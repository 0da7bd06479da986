package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saved filters and Jira Software boards over them ({@code /rest/agile/1.0}). */
final class AgileResource {
    private final JiraState state;
    private final JiraJson json;
    private final Flavor flavor;
    private final Clock clock;
    private final SearchResource searches;
    private final String baseUrl;

    AgileResource(JiraJson json, Clock clock, SearchResource searches) {
        this.state = json.state;
        this.json = json;
        this.flavor = json.flavor;
        this.clock = clock;
        this.searches = searches;
        this.baseUrl = json.baseUrl;
    }

    void routes(Route on) {
        String api = json.api;
        on.add("GET", api + "/filter/favourite", ex -> {
            synchronized (state) {
                ArrayNode a = Exchange.array();
                state.filters.values().stream().filter(f -> f.owner().equals(ex.user())).forEach(f -> a.add(filter(f)));
                ex.ok(a);
            }
        });
        if (flavor == Flavor.CLOUD) on.add("GET", api + "/filter/search", this::searchFilters);
        on.add("POST", api + "/filter", this::createFilter);
        on.add("GET", "/rest/agile/1.0/board", this::boards);
        on.add("POST", "/rest/agile/1.0/board", this::createBoard);
        on.add("GET", "/rest/agile/1.0/board/{id}/issue", this::boardIssues);
    }

    private ObjectNode filter(JiraState.Filter f) {
        return Exchange.object().put("self", json.baseUrl + json.api + "/filter/" + f.id()).put("id", f.id()).put("name", f.name())
                .put("description", f.description()).put("jql", f.jql()).put("favourite", true)
                .put("viewUrl", baseUrl + "/issues/?filter=" + f.id());
    }

    private void searchFilters(Exchange ex) {
        String name = ex.query("filterName") == null ? "" : ex.query("filterName").toLowerCase();
        synchronized (state) {
            ArrayNode values = Exchange.array();
            state.filters.values().stream().filter(f -> f.name().toLowerCase().contains(name)).forEach(f -> values.add(filter(f)));
            ObjectNode page = Exchange.object().put("maxResults", 50).put("startAt", 0).put("total", values.size()).put("isLast", true);
            page.set("values", values);
            ex.ok(page);
        }
    }

    private void createFilter(Exchange ex) {
        synchronized (state) {
            JsonNode b = ex.json();
            String name = b.path("name").asText("");
            if (name.isBlank()) throw new SandboxError(400, "", Map.of("filterName", "You must specify a name to save this filter as."));
            if (state.filters.values().stream().anyMatch(f -> f.name().equals(name) && f.owner().equals(ex.user()))) {
                throw new SandboxError(400, "", Map.of("filterName", "Filter with same name already exists."));
            }
            new Jql(state, clock).parse(b.path("jql").asText(""));
            JiraState.Filter f = new JiraState.Filter(state.nextId(), name, b.path("jql").asText(""), b.path("description").asText(""), ex.user());
            state.filters.put(f.id(), f);
            ex.ok(filter(f));
        }
    }

    // ---- boards ------------------------------------------------------------------------------------

    private static ObjectNode board(JiraState.Board b, String baseUrl) {
        return Exchange.object().put("id", b.id()).put("self", baseUrl + "/rest/agile/1.0/board/" + b.id()).put("name", b.name()).put("type", b.type());
    }

    private void boards(Exchange ex) {
        String name = ex.query("name") == null ? "" : ex.query("name").toLowerCase();
        int startAt = ex.queryInt("startAt", 0);
        int max = ex.queryInt("maxResults", 50);
        synchronized (state) {
            List<JiraState.Board> all = state.boards.values().stream().filter(b -> b.name().toLowerCase().contains(name)).toList();
            List<JiraState.Board> page = all.subList(Math.min(startAt, all.size()), Math.min(all.size(), startAt + max));
            ObjectNode body = Exchange.object().put("maxResults", max).put("startAt", startAt).put("total", all.size())
                    .put("isLast", startAt + page.size() >= all.size());
            ArrayNode values = body.putArray("values");
            page.forEach(b -> values.add(board(b, baseUrl)));
            ex.ok(body);
        }
    }

    private void createBoard(Exchange ex) {
        synchronized (state) {
            JsonNode b = ex.json();
            String filterId = b.path("filterId").asText();
            if (!state.filters.containsKey(filterId)) throw new SandboxError(400, "", Map.of("filterId", "The filter with id " + filterId + " does not exist."));
            JiraState.Board board = new JiraState.Board(Long.parseLong(state.nextId()), b.path("name").asText(), b.path("type").asText("kanban"),
                    filterId, b.path("location").path("projectKeyOrId").asText(null));
            state.boards.put(board.id(), board);
            ex.respond(201, board(board, baseUrl));
        }
    }

    private void boardIssues(Exchange ex) {
        synchronized (state) {
            JiraState.Board b = state.boards.get(Long.parseLong(ex.param(0)));
            if (b == null) throw new SandboxError(404, "The requested board cannot be viewed because it either does not exist or you do not have permission to view it.");
            List<JiraState.Issue> hits = searches.search(state.filters.get(b.filterId()).jql());
            int startAt = ex.queryInt("startAt", 0);
            int max = ex.queryInt("maxResults", 50);
            List<JiraState.Issue> page = hits.subList(Math.min(startAt, hits.size()), Math.min(hits.size(), startAt + max));
            ObjectNode body = Exchange.object().put("expand", "schema,names").put("startAt", startAt).put("maxResults", max).put("total", hits.size());
            ArrayNode issues = body.putArray("issues");
            page.forEach(i -> issues.add(json.issue(i, List.of("summary", "status", "assignee", "duedate", "labels"), List.of())));
            ex.ok(body);
        }
    }

    /** Board columns for the HTML view: status category to issues. */
    public Map<String, List<JiraState.Issue>> columns(JiraState.Board b) {
        Map<String, List<JiraState.Issue>> out = new LinkedHashMap<>();
        out.put("To Do", new ArrayList<>());
        out.put("In Progress", new ArrayList<>());
        out.put("Done", new ArrayList<>());
        for (JiraState.Issue i : searches.search(state.filters.get(b.filterId()).jql())) {
            out.get(state.statuses.get(i.statusId).categoryName()).add(i);
        }
        return out;
    }

}
