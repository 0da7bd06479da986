package io.hindsight.core.lint.blameless;

/**
 * Who or what a noun phrase names, and how sure the checker is that it is a person, role or team.
 *
 * @param kind       what the phrase names
 * @param confidence how sure, 0..1, that it is that kind
 * @param from       first token of the phrase
 * @param to         token after the phrase
 */
record Agent(Kind kind, double confidence, int from, int to) {
    enum Kind {
        /** A named person, a handle, he/she/someone. */
        PERSON,
        /** A job title or role: the DBA, an intern, the on-call. */
        ROLE,
        /** A team or department: the platform team, Ops, QA. */
        TEAM,
        /** The authors themselves. */
        WE,
        /** "they": a person or a thing, often unclear. */
        THEY,
        /** People the incident happened to: customers, users. */
        AFFECTED,
        /** Software, infrastructure, a process or a document. */
        SYSTEM,
        /** Nothing the checker can tell. */
        UNKNOWN
    }

    static Agent none(int at) {
        return new Agent(Kind.UNKNOWN, 0, at, at);
    }

    /** How sure the checker is that the phrase names people who could be blamed (0 for systems). */
    double personhood() {
        return switch (kind) {
            case PERSON, ROLE, TEAM, WE, THEY -> confidence;
            default -> 0;
        };
    }

    /** How much the agent adds to a finding's confidence: the square root of its personhood, so one unsure
     * piece of evidence (an unfamiliar capitalised word) lowers a finding without sinking it. */
    double weight() {
        return Math.sqrt(personhood());
    }

    boolean people() {
        return personhood() > 0;
    }

    /** A single person or role rather than a team or "we". */
    boolean individual() {
        return kind == Kind.PERSON || kind == Kind.ROLE;
    }
}
