package io.hindsight.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Incident severity, SEV1 (worst) to SEV4. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    private static final Pattern FORM = Pattern.compile("(?:sev|severity|p)?\\s*[-_ ]?\\s*([1-4])");

    /** Reads the spellings people use: "SEV1", "sev-1", "Sev 1", "1", "P1". */
    public static Optional<Severity> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        return Optional.of(values()[Integer.parseInt(m.group(1)) - 1]);
    }

    /** SEV1 and SEV2 are the "major" incidents that the handbooks hold to stricter rules. */
    public boolean isMajor() {
        return this == SEV1 || this == SEV2;
    }
}
