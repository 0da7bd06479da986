package io.hindsight.core.fake;

/** Post-mortems the sync tests publish, in core against the fakes and end to end against the sandbox alike. */
public final class TestPostMortems {
    private TestPostMortems() {
    }

    private static final String[] OWNERS = {"maria", "kenji", "priya", "lee", "dana", "alice"};

    /**
     * A SEV3 post-mortem approved on 2026-11-20 with {@code actions} actions, every fourth a priority one,
     * owned in turn by six people Jira knows, filed under project OPS.
     */
    public static String withActions(int actions) {
        StringBuilder sb = new StringBuilder("""
                ---
                title: Checkout outage caused by database replication lag
                severity: SEV3
                approved: 2026-11-20
                approvers: [priya, lee]
                authors: [maria]
                services: [checkout, orders-db]
                ---
                ## Summary

                For 41 minutes, 18% of checkout requests failed because reads went to a lagging replica.

                ## Root cause

                Read traffic was routed to replicas without any check of replication lag.

                ## Action items

                """);
        for (int i = 0; i < actions; i++) {
            sb.append("- [ ] [").append(i % 4 == 0 ? "priority" : "improvement").append("] Add replica lag guard number ").append(i)
                    .append(" to the checkout read path @").append(OWNERS[i % OWNERS.length]).append(" project:OPS\n");
        }
        return sb.toString();
    }
}
