package io.hindsight.atlassian.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Jira or Confluence said was wrong: general messages and, per field, the field's message.
 * Reads Jira's {@code errorMessages}/{@code errors}, Confluence Data Center's {@code message}/{@code data.errors}
 * and Confluence Cloud v2's {@code errors[].title/detail}.
 */
public record ErrorBody(List<String> messages, Map<String, String> fieldErrors) {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final ErrorBody EMPTY = new ErrorBody(List.of(), Map.of());

    public ErrorBody {
        messages = List.copyOf(messages);
        fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) return EMPTY;
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            // a proxy's HTML page: keep a short, tag-free excerpt
            String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            return new ErrorBody(text.isEmpty() ? List.of() : List.of(text.length() > 200 ? text.substring(0, 200) + "…" : text), Map.of());
        }
        if (root == null || !root.isObject()) return EMPTY;
        List<String> messages = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        root.path("errorMessages").forEach(m -> messages.add(m.asText()));
        root.path("errors").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        if (root.path("errors").isArray()) {
            for (JsonNode e : root.path("errors")) {
                String title = e.path("title").asText("");
                String detail = e.path("detail").asText("");
                String msg = e.path("message").isObject() ? e.path("message").path("translation").asText("") : e.path("message").asText("");
                String text = String.join(": ", List.of(title, detail, msg).stream().filter(s -> !s.isBlank()).toList());
                if (!text.isBlank()) messages.add(text);
            }
        }
        if (root.has("message") && root.get("message").isTextual()) messages.add(root.get("message").asText());
        for (JsonNode e : root.path("data").path("errors")) {
            String t = e.path("message").path("translation").asText("");
            if (!t.isBlank()) messages.add(t);
        }
        return new ErrorBody(messages, fields);
    }

    /** One line: the messages, then "field: message" pairs. */
    public String summary() {
        List<String> parts = new ArrayList<>(messages);
        fieldErrors.forEach((k, v) -> parts.add(k + ": " + v));
        return String.join("; ", parts);
    }
}
