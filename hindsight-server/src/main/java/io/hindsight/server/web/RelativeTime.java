package io.hindsight.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A moment as a person reads it on the page: "3 minutes ago", "in 2 minutes", with the exact time for a
 * tooltip. Worked out on the server, since the page runs no scripts (and the viewer's clock may be off).
 */
public final class RelativeTime {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A moment for a {@code <time>} element: its ISO form, the exact time in UTC, and the words. */
    public record When(String iso, String exact, String words) {
    }

    private RelativeTime() {
    }

    public static When of(Instant then, Instant now) {
        return new When(then.toString(), EXACT.format(then), words(then, now));
    }

    /** Rounded to the largest unit that fits: seconds under a minute, then minutes, hours, days. */
    public static String words(Instant then, Instant now) {
        long seconds = Duration.between(now, then).toSeconds();
        long abs = Math.abs(seconds);
        if (abs < 1) return "just now";
        String amount;
        if (abs < 60) amount = plural(abs, "second");
        else if (Math.round(abs / 60.0) < 60) amount = plural(Math.round(abs / 60.0), "minute");
        else if (Math.round(abs / 3600.0) < 24) amount = plural(Math.round(abs / 3600.0), "hour");
        else amount = plural(Math.round(abs / 86400.0), "day");
        return seconds < 0 ? amount + " ago" : "in " + amount;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
