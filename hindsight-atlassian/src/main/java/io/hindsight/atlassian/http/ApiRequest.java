package io.hindsight.atlassian.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to Jira or Confluence, fully decided and not yet sent: building it is pure, so every
 * request can be checked against Atlassian's contracts without a server.
 *
 * @param path       the path below the site's base URL, e.g. {@code /rest/api/2/issue}
 * @param query      query parameters in order; a name may repeat
 * @param body       JSON text, or null
 * @param write      true when the request changes something (counted as a write; POST search is a read)
 * @param idempotent true when sending it twice has the same effect as once, so a failure may simply be retried
 */
public record ApiRequest(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                         String body, boolean write, boolean idempotent) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public static Builder get(String path) {
        return new Builder("GET", path, false, true);
    }

    /** A POST that reads (a search). */
    public static Builder postRead(String path) {
        return new Builder("POST", path, false, true);
    }

    /** A POST that creates something: never blindly retried. */
    public static Builder postCreate(String path) {
        return new Builder("POST", path, true, false);
    }

    /** A POST with an idempotent effect (add a field to a screen that already has it fails, not duplicates). */
    public static Builder postIdempotent(String path) {
        return new Builder("POST", path, true, true);
    }

    public static Builder put(String path) {
        return new Builder("PUT", path, true, true);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path, true, true);
    }

    /** The path with its encoded query string. */
    public String pathAndQuery() {
        if (query.isEmpty()) return path;
        StringBuilder sb = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) sb.append('&');
            sb.append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
        }
        return sb.toString();
    }

    /** The same request at another path (an API served under a prefix, such as Cloud's {@code /wiki}). */
    public ApiRequest withPath(String newPath) {
        return new ApiRequest(method, newPath, query, headers, body, write, idempotent);
    }

    /** For logs and errors: method and path, never headers or body. */
    public String describe() {
        return method + " " + path;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Percent-encodes one path segment (an issue key, a property key, a page title never goes in a path). */
    public static String segment(String s) {
        return encode(s);
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final boolean write;
        private final boolean idempotent;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Builder(String method, String path, boolean write, boolean idempotent) {
            this.method = method;
            this.path = path;
            this.write = write;
            this.idempotent = idempotent;
            headers.put("Accept", "application/json");
        }

        public Builder query(String name, Object value) {
            if (value != null) query.add(Map.entry(name, String.valueOf(value)));
            return this;
        }

        public Builder json(String json) {
            this.body = json;
            headers.put("Content-Type", "application/json");
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(method, path, query, headers, body, write, idempotent);
        }
    }
}
