package io.hindsight.core.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Links from user text: only absolute http and https URLs become links. Everything else
 * ({@code javascript:}, {@code data:}, relative paths, malformed URLs) is shown as plain text.
 */
public final class SafeUrl {
    private SafeUrl() {
    }

    public static Optional<String> http(String url) {
        if (url == null) return Optional.empty();
        String u = url.strip();
        // control characters and white space inside a URL are how scheme checks get fooled ("java\tscript:")
        if (u.isEmpty() || u.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c))) return Optional.empty();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) return Optional.empty();
            String s = scheme.toLowerCase(Locale.ROOT);
            return s.equals("http") || s.equals("https") ? Optional.of(uri.toASCIIString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
