package io.hindsight.jira.testing;

/** Post-mortems the tests check. */
public final class Fixtures {
    /** Blames a person and has a vague action: errors for the gate. */
    public static final String BLAMING = """
            ---
            title: Checkout outage caused by database replication lag
            severity: SEV2
            started: 2026-11-02 14:00 Europe/Berlin
            detected: 2026-11-02 14:09 Europe/Berlin
            ---

            ## Summary
            Checkout failed for 40 minutes while the replica lagged.

            ## Root cause
            Bob broke prod because he was careless with the bulk import.

            ## Action items
            - [ ] Improve monitoring
            """;

    /** Blameless, with owned and dated actions. */
    public static final String CLEAN = """
            ---
            title: Checkout outage caused by database replication lag
            severity: SEV3
            started: 2026-11-02 14:00 Europe/Berlin
            detected: 2026-11-02 14:09 Europe/Berlin
            mitigated: 2026-11-02 14:30 Europe/Berlin
            resolved: 2026-11-02 14:40 Europe/Berlin
            ---

            ## Summary
            Checkout failed for 40 minutes while the read replica lagged behind the primary.

            ## Impact
            About 1200 checkouts failed; customers saw an error page.

            ## Root cause
            The bulk import job wrote faster than the replica could apply changes, and nothing limited its rate.

            ## Timeline
            - 14:00 [start] The bulk import job starts on the primary.
            - 14:09 [detection] The checkout error-rate alert pages the on-call engineer.
            - 14:30 [mitigation] The import job is paused.
            - 14:40 [resolution] The replica has caught up.

            ## Action items
            - [ ] [priority] Alert when replication lag exceeds 60 s @maria due:2026-12-20 project:OPS
            - [ ] Add a rate limit option to the bulk import tool @lee due:2027-01-15
            """;

    /** The blaming sentence of {@link #BLAMING}, which the checker calls an error. */
    public static final String BLAMING_SENTENCE = "Bob broke prod because he was careless with the bulk import.";

    /**
     * {@link #CLEAN} whose root cause is {@code rootCause}: the only findings are the ones those lines call for
     * (how an author writes a waiver into the Root cause field).
     */
    public static String cleanWithRootCause(String rootCause) {
        String original = "The bulk import job wrote faster than the replica could apply changes, and nothing limited its rate.";
        if (!CLEAN.contains(original)) throw new IllegalStateException("CLEAN's root cause changed");
        return CLEAN.replace(original, rootCause);
    }

    private Fixtures() {
    }
}
