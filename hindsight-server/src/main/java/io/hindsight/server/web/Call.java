package io.hindsight.server.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the handlers see it: read in full before they run (bounded by the route's size
 * limit), with the caller's address as far as a trusted proxy vouches for it. Handlers decide from this
 * and nothing else, so they know no HTTP server.
 *
 * @param headers  by lower-case name, every value in order
 * @param client   the caller's address: the peer's, or the one a trusted proxy names in X-Forwarded-For
 * @param origin   this service's own origin as the browser sees it ({@code http://host:port}, or https behind a trusted TLS proxy)
 * @param secure   whether the browser reached the service over HTTPS (a trusted proxy said so)
 * @param tooLarge the body was larger than the route takes; {@code body} is then empty
 */
public record Call(String method, String path, Map<String, String> query, Map<String, List<String>> headers, String client, String origin,
                   boolean secure, byte[] body, boolean tooLarge) {

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean post() {
        return method.equals("POST");
    }

    /** A cookie's value, from the Cookie headers. */
    public Optional<String> cookie(String name) {
        for (String header : headers.getOrDefault("cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) return Optional.of(p.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** A call with no body and no headers, for tests and probes. */
    static Call of(String method, String path) {
        return new Call(method, path, Map.of(), Map.of(), "127.0.0.1", "http://127.0.0.1", false, new byte[0], false);
    }
}
