package io.hindsight.sandbox.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request as a route sees it, and the response it builds. */
public final class Exchange {
    public static final ObjectMapper JSON = new ObjectMapper();

    final String method;
    final String path;
    final Map<String, List<String>> query = new LinkedHashMap<>();
    final String body;
    final List<String> pathParams = new ArrayList<>();
    final String user;
    int status = 200;
    String contentType = "application/json";
    String responseBody = "";
    final Map<String, String> responseHeaders = new LinkedHashMap<>();

    public Exchange(String method, String path, String rawQuery, String body, String user) {
        this.method = method;
        this.path = path;
        this.body = body;
        this.user = user;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The signed-in user's name. */
    public String user() {
        return user;
    }

    public static com.fasterxml.jackson.databind.node.ArrayNode array() {
        return JSON.createArrayNode();
    }

    public String param(int i) {
        return pathParams.get(i);
    }

    public String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public int queryInt(String name, int fallback) {
        String v = query(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The request body as JSON; a malformed body answers 400 as Jira does. */
    public JsonNode json() {
        try {
            JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (n == null) throw new SandboxError(400, "No content to map due to end-of-input");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SandboxError(400, "Unexpected character in the request body: " + e.getOriginalMessage());
        }
    }

    public void respond(int status, JsonNode json) {
        this.status = status;
        this.responseBody = json == null ? "" : json.toString();
    }

    public void ok(JsonNode json) {
        respond(200, json);
    }

    public void html(String html) {
        this.status = 200;
        this.contentType = "text/html; charset=utf-8";
        this.responseBody = html;
    }

    /** A text answer of the given type (a style sheet, plain text). */
    public void text(String contentType, String body) {
        this.status = 200;
        this.contentType = contentType;
        this.responseBody = body;
    }

    public void noContent() {
        this.status = 204;
        this.responseBody = "";
    }

    /** The answer so far: status, content type, body and extra headers, for the server to send. */
    public int status() {
        return status;
    }

    public void status(int status) {
        this.status = status;
    }

    public String contentType() {
        return contentType;
    }

    public String responseBody() {
        return responseBody;
    }

    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    public void header(String name, String value) {
        responseHeaders.put(name, value);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
