package io.hindsight.atlassian.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response as received: status, headers (lower-case names) and body text. */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {
    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
