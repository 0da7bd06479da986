package io.hindsight.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Incident severity, SEV1 (worst) to SEV4. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    /** "SEV1", "sev1", "SEV-1", "Sev 1", "sev_1", "Severity 1": the same scale, spelt differently. */
    private static final Pattern SEV = Pattern.compile("(?:sev|severity)\\s*[-_ ]?\\s*([1-4])");
    /** "P1", "p-1", "1": another scale (P is usually a ticket's priority), read onto ours. */
    private static final Pattern MAPPED = Pattern.compile("(?:p\\s*[-_ ]?\\s*)?([1-4])");

    /**
     * A severity as the author wrote it.
     *
     * @param mapped true when it was written on another scale (P1, a bare 1) and read onto SEV1..SEV4
     */
    public record Reading(Severity severity, boolean mapped) {
    }

    /** Reads the spellings people use: "SEV1", "sev-1", "Sev 1", and, mapped, "P1" and "1". */
    public static Optional<Reading> read(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SEV.matcher(t);
        if (m.matches()) return Optional.of(new Reading(values()[Integer.parseInt(m.group(1)) - 1], false));
        m = MAPPED.matcher(t);
        if (m.matches()) return Optional.of(new Reading(values()[Integer.parseInt(m.group(1)) - 1], true));
        return Optional.empty();
    }

    /** {@link #read}, without saying whether the form was mapped. */
    public static Optional<Severity> parse(String text) {
        return read(text).map(Reading::severity);
    }

    /** SEV1 and SEV2 are the "major" incidents that the handbooks hold to stricter rules. */
    public boolean isMajor() {
        return this == SEV1 || this == SEV2;
    }
}
