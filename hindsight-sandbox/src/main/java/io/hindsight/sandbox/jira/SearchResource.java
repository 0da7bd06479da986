package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JQL search: Data Center's {@code /search} with startAt, Cloud's {@code /search/jql} with page tokens (the old Cloud search answers 410). */
final class SearchResource {
    private final JiraState state;
    private final JiraJson json;
    private final Flavor flavor;
    private final Clock clock;

    SearchResource(JiraJson json, Clock clock) {
        this.state = json.state;
        this.json = json;
        this.flavor = json.flavor;
        this.clock = clock;
    }

    void routes(Route on) {
        String api = json.api;
        if (flavor == Flavor.CLOUD) {
            on.add("POST", api + "/search/jql", this::search);
            on.add("GET", api + "/search/jql", this::search);
            // Atlassian removed the old Cloud search; it answers 410 Gone
            on.add("POST", api + "/search", ex -> {
                throw new SandboxError(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
            });
            on.add("GET", api + "/search", ex -> {
                throw new SandboxError(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
            });
        } else {
            on.add("POST", api + "/search", this::search);
            on.add("GET", api + "/search", this::search);
        }
    }

    private void search(Exchange ex) {
        String jql;
        int max;
        int startAt;
        List<String> fields;
        List<String> properties;
        if (ex.method().equals("POST")) {
            JsonNode b = ex.json();
            jql = b.path("jql").asText("");
            max = b.path("maxResults").asInt(50);
            startAt = flavor == Flavor.CLOUD ? decodeToken(b.path("nextPageToken").asText(null)) : b.path("startAt").asInt(0);
            fields = new ArrayList<>();
            b.path("fields").forEach(x -> fields.add(x.asText()));
            properties = new ArrayList<>();
            b.path("properties").forEach(x -> properties.add(x.asText()));
        } else {
            jql = ex.query("jql") == null ? "" : ex.query("jql");
            max = ex.queryInt("maxResults", 50);
            startAt = flavor == Flavor.CLOUD ? decodeToken(ex.query("nextPageToken")) : ex.queryInt("startAt", 0);
            fields = JiraJson.list(ex.query("fields"));
            properties = JiraJson.list(ex.query("properties"));
        }
        max = Math.max(0, Math.min(max, flavor == Flavor.CLOUD ? 5000 : 1000));
        synchronized (state) {
            List<JiraState.Issue> hits = search(jql);
            ObjectNode body = Exchange.object();
            List<JiraState.Issue> page = hits.subList(Math.min(startAt, hits.size()), Math.min(hits.size(), startAt + max));
            if (flavor == Flavor.DATA_CENTER) body.put("expand", "schema,names").put("startAt", startAt).put("maxResults", max).put("total", hits.size());
            ArrayNode issues = body.putArray("issues");
            for (JiraState.Issue i : page) issues.add(json.issue(i, fields.isEmpty() ? List.of("summary", "status") : fields, properties));
            if (flavor == Flavor.CLOUD) {
                int next = startAt + page.size();
                boolean last = next >= hits.size();
                if (!last) body.put("nextPageToken", encodeToken(next));
                body.put("isLast", last);
            }
            ex.ok(body);
        }
    }

    /** Every issue the query selects, in its order. Callers hold the state's lock. */
    List<JiraState.Issue> search(String jql) {
        Jql.Query q = new Jql(state, clock).parse(jql);
        List<JiraState.Issue> hits = new ArrayList<>();
        for (JiraState.Issue i : state.issuesByKey.values()) if (q.where().test(i)) hits.add(i);
        hits.sort(q.order());
        return hits;
    }

    private static String encodeToken(int startAt) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("s:" + startAt).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeToken(String token) {
        if (token == null || token.isBlank()) return 0;
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(s.substring(2));
        } catch (RuntimeException e) {
            throw new SandboxError(400, "The provided next page token is invalid or expired.");
        }
    }

}
