package io.hindsight.server.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a form post came from the service's own page: browsers send the page's origin with every post
 * ({@code Origin}, and {@code Referer} where Origin is missing or "null"), and another site's page cannot
 * forge either. A post that names another origin, or none at all, is refused: a session cookie and a CSRF
 * token are the second and third lines, not the only one.
 */
final class Origins {
    private Origins() {
    }

    /** Why the post is not from this service's page; empty when it is. */
    static Optional<String> foreign(Call call) {
        String own = normal(call.origin());
        String origin = call.header("Origin");
        if (origin != null && !origin.isBlank() && !origin.strip().equals("null")) {
            return normal(origin).equals(own) ? Optional.empty() : Optional.of("Origin " + origin.strip());
        }
        String referer = call.header("Referer");
        if (referer != null && !referer.isBlank()) {
            String from = originOf(referer.strip());
            return from != null && normal(from).equals(own) ? Optional.empty() : Optional.of("Referer " + (from == null ? "unreadable" : from));
        }
        return Optional.of("no Origin or Referer");
    }

    /** scheme://host[:port] of a URL, or null. */
    private static String originOf(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getRawAuthority() == null) return null;
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Lower case, without the scheme's default port and any user part. */
    static String normal(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        int at = o.indexOf('@');
        if (at > 0 && o.indexOf("://") < at) o = o.substring(0, o.indexOf("://") + 3) + o.substring(at + 1);
        if (o.startsWith("http://") && o.endsWith(":80")) o = o.substring(0, o.length() - 3);
        if (o.startsWith("https://") && o.endsWith(":443")) o = o.substring(0, o.length() - 4);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
