package io.hindsight.server.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few things the handlers need from an HTTP exchange, in one place: a bounded body, a header, the
 * caller's address, a cookie, an answer. Handlers call these rather than the JDK server, so moving to
 * another server touches this class and the handlers' signatures only.
 */
final class Exchanges {
    private Exchanges() {
    }

    /** The body, at most {@code max} + 1 bytes of it (one more than allowed shows it was too large). */
    static byte[] body(HttpExchange ex, int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readNBytes(max + 1);
        }
    }

    static String header(HttpExchange ex, String name) {
        return ex.getRequestHeaders().getFirst(name);
    }

    static String address(HttpExchange ex) {
        return ex.getRemoteAddress().getAddress().getHostAddress();
    }

    static String method(HttpExchange ex) {
        return ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    }

    static String path(HttpExchange ex) {
        return ex.getRequestURI().getPath();
    }

    static Map<String, String> query(HttpExchange ex) {
        return FormData.parse(ex.getRequestURI().getRawQuery());
    }

    static Optional<String> cookie(HttpExchange ex, String name) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) return Optional.of(p.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** Sends an answer and closes the exchange; {@code headers} are added as they are. */
    static void send(HttpExchange ex, int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        var h = ex.getResponseHeaders();
        if (contentType != null) h.add("Content-Type", contentType);
        headers.forEach(h::add);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
        ex.close();
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
