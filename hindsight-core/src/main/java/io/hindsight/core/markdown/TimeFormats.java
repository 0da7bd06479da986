package io.hindsight.core.markdown;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date and time spellings found in post-mortems and writes one canonical form,
 * {@code 2026-11-02 14:05 Europe/Berlin}, that reads back to the same instant and zone.
 */
public final class TimeFormats {
    /** date, optional time, optional zone: "2026-11-02", "2026-11-02 14:05", "2026-11-02T14:05:30+01:00". */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ]+(\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\.\\d+)?)?\\s*(.*)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(.*)");
    private static final Pattern ZONE_BRACKET = Pattern.compile("([^\\[]*)\\[([^\\]]+)]");

    private TimeFormats() {
    }

    /** A time read from text, with the zone actually used (which may be the assumed default). */
    public record Parsed(ZonedDateTime value, boolean zoneAssumed) {
    }

    /**
     * Reads a date-time. A bare time takes {@code defaultDate}; a missing zone takes
     * {@code defaultZone} and says so.
     *
     * @return empty when the text is not a date-time at all
     */
    public static Optional<Parsed> parse(String text, ZoneId defaultZone, LocalDate defaultDate) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        Matcher dt = DATE_TIME.matcher(t);
        LocalDate date;
        String time;
        String rest;
        if (dt.matches()) {
            try {
                date = LocalDate.parse(dt.group(1));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
            time = dt.group(2);
            rest = dt.group(3);
            if (time == null) time = "00:00";
        } else {
            Matcher tm = TIME.matcher(t);
            if (!tm.matches() || defaultDate == null) return Optional.empty();
            date = defaultDate;
            time = tm.group(1);
            rest = tm.group(2);
        }
        LocalTime localTime;
        try {
            localTime = LocalTime.parse(time.length() == 4 || time.indexOf(':') == 1 ? "0" + time : time);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        rest = rest.strip();
        Optional<ZoneId> zone = rest.isEmpty() ? Optional.empty() : zone(rest);
        if (!rest.isEmpty() && zone.isEmpty()) return Optional.empty();
        ZoneId z = zone.orElse(defaultZone == null ? ZoneOffset.UTC : defaultZone);
        return Optional.of(new Parsed(ZonedDateTime.of(date, localTime, z), zone.isEmpty()));
    }

    /** Reads "UTC", "Z", "+01:00", "Europe/Berlin", "CET", "+01:00[Europe/Berlin]", "(all times UTC)". */
    public static Optional<ZoneId> zone(String text) {
        String t = text.strip();
        Matcher br = ZONE_BRACKET.matcher(t);
        if (br.matches()) t = br.group(2);
        t = t.replaceAll("^\\(|\\)$", "").replaceFirst("(?i)^all times (are )?(in )?", "").strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.equals("UTC") || upper.equals("Z") || upper.equals("GMT") || upper.equals("+00:00")) {
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            if (t.startsWith("+") || t.startsWith("-")) return Optional.of(ZoneOffset.of(t));
            if (ZoneId.SHORT_IDS.containsKey(upper)) return Optional.of(ZoneId.of(upper, ZoneId.SHORT_IDS));
            return Optional.of(ZoneId.of(t));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Reads an ISO date ("2026-12-20"), also with slashes. */
    public static Optional<LocalDate> date(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text.strip().replace('/', '-')));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The canonical spelling: {@code 2026-11-02 14:05 UTC}, seconds only when not zero. */
    public static String format(ZonedDateTime t) {
        String local = (t.getSecond() == 0 && t.getNano() == 0 ? MINUTES : SECONDS).format(t);
        return local + " " + zoneName(t.getZone());
    }

    public static String zoneName(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** The instant in ISO form, for machines. */
    public static String iso(ZonedDateTime t) {
        return OffsetDateTime.from(t).toString();
    }
}
