package io.hindsight.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer, as a handler decides it: status, type, body and extra headers, and how long to hold it back
 * (wrong tokens are answered slowly; the server waits without holding a thread). The headers every answer
 * carries (no sniffing, no caching) are added by the server, not here.
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, Duration delay) {
    /** Every JSON answer of the service is written by Jackson: no reason, key or message can break it. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, Object value) {
        try {
            return new Reply(status, "application/json", JSON.writeValueAsBytes(value), Map.of(), Duration.ZERO);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
    }

    public static Reply html(int status, String html) {
        return new Reply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
    }

    /** This answer with one more header. */
    public Reply with(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h, delay);
    }

    /** This answer, sent no sooner than {@code delay} from now. */
    public Reply after(Duration delay) {
        return new Reply(status, contentType, body, headers, delay);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
