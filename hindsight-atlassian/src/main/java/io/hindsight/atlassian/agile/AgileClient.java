package io.hindsight.atlassian.agile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.jira.JiraModel.Board;

import java.util.ArrayList;
import java.util.List;

/** Jira Software boards ({@code /rest/agile/1.0}, the same on Data Center and Cloud): where remediation is tracked. */
public final class AgileClient implements Boards {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/rest/agile/1.0";
    private final AtlassianHttp http;
    private final JiraModel.Deployment deployment;

    public AgileClient(AtlassianHttp http, JiraModel.Deployment deployment) {
        this.http = http;
        this.deployment = deployment;
    }

    /** Boards by name; the board type is checked on our side (the contracts type that filter as a list object). */
    public static ApiRequest findBoardsRequest(String name, int startAt) {
        return ApiRequest.get(BASE + "/board").query("name", name).query("startAt", startAt).query("maxResults", 50).build();
    }

    /**
     * A Kanban board on a saved filter. On Cloud it is located in the project so people find it there;
     * Data Center 10.3's create-board request has no location.
     */
    public static ApiRequest createBoardRequest(String name, long filterId, String projectKey, JiraModel.Deployment deployment) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("type", "kanban").put("filterId", filterId);
        if (projectKey != null && deployment == JiraModel.Deployment.CLOUD) {
            body.putObject("location").put("type", "project").put("projectKeyOrId", projectKey);
        }
        return ApiRequest.postCreate(BASE + "/board").json(body.toString()).build();
    }

    public static ApiRequest boardIssuesRequest(long boardId, int startAt, int max) {
        return ApiRequest.get(BASE + "/board/" + boardId + "/issue").query("startAt", startAt).query("maxResults", max).build();
    }

    /** Kanban boards whose name contains {@code name}, all pages; callers pick the exact name. */
    @Override
    public List<Board> findBoards(String name) {
        List<Board> out = new ArrayList<>();
        int startAt = 0;
        while (true) {
            JsonNode page = tree(http.send(findBoardsRequest(name, startAt)).body());
            for (JsonNode b : page.path("values")) if (b.path("type").asText().equals("kanban")) out.add(board(b));
            if (page.path("isLast").asBoolean(true) || page.path("values").isEmpty()) return out;
            startAt += page.path("values").size();
        }
    }

    @Override
    public Board createBoard(String name, long filterId, String projectKey) {
        return board(tree(http.send(createBoardRequest(name, filterId, projectKey, deployment)).body()));
    }

    /** The keys of the issues on a board, all pages. */
    public List<String> boardIssueKeys(long boardId) {
        List<String> keys = new ArrayList<>();
        int startAt = 0;
        while (true) {
            JsonNode page = tree(http.send(boardIssuesRequest(boardId, startAt, 100)).body());
            for (JsonNode i : page.path("issues")) keys.add(i.path("key").asText());
            int total = page.path("total").asInt(keys.size());
            if (page.path("issues").isEmpty() || keys.size() >= total) return keys;
            startAt = keys.size();
        }
    }

    static Board board(JsonNode b) {
        return new Board(b.path("id").asLong(), b.path("name").asText(), b.path("type").asText());
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("Jira Software sent a response that is not JSON", e);
        }
    }
}
