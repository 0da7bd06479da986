package io.hindsight.core.sample;

/**
 * Generated post-mortems of any size, with realistic prose, for benchmarks, scale tests and demos.
 * Deterministic: the same arguments give the same text.
 */
public final class SamplePostMortems {
    private SamplePostMortems() {
    }

    /** A SEV1 post-mortem with every section, {@code timelineEntries} timeline lines and {@code actions} action items. */
    public static String large(int timelineEntries, int actions) {
        StringBuilder sb = new StringBuilder("""
                ---
                title: Multi-region storage degradation after a metadata migration
                key: PM-4711
                severity: SEV1
                state: in-review
                started: 2026-11-02 08:00 UTC
                detected: 2026-11-02 08:07 UTC
                mitigated: 2026-11-02 11:30 UTC
                resolved: 2026-11-03 02:00 UTC
                approved: 2026-11-10
                services: [object-storage, metadata-db, edge-cache]
                authors: [maria, kenji]
                approvers: [priya]
                ---

                # Multi-region storage degradation after a metadata migration

                ## Summary

                Object storage in three regions served errors for 3 hours 30 minutes after a metadata
                migration rewrote the placement table while replicas were still catching up. About 12% of
                reads failed at the peak. The migration tool applied all regions at once because its
                region filter defaulted to every region.

                ## Impact

                About 31,000 customers saw failed downloads; 840 support tickets were opened. No data was lost.

                ## Detection

                The storage error-rate alert fired seven minutes after the first errors.

                ## Response

                The on-call engineer declared a SEV1 at 08:12 and paged the storage and database teams.

                ## Recovery

                Placement reads were pinned to the previous table version, then the migration was re-run per region.

                ## Trigger

                The metadata migration started at 08:00 across all regions.

                ## Root cause

                The migration tool had no per-region default and no check of replica lag before rewriting placement.

                ## Five whys

                1. Why did reads fail? Placement pointed at replicas that did not have the objects yet.
                2. Why did placement change? The migration rewrote the placement table.
                3. Why did it rewrite every region? The region filter defaulted to all regions.
                4. Why was the default all regions? The tool was written for single-region clusters.
                5. Why was that not caught? Migrations are not rehearsed against multi-region staging.

                ## Contributing factors

                - [tooling] The migration tool's region filter defaults to all regions.
                - [monitoring gap] No alert on placement-table replica lag.
                - [process] Multi-region migrations are not rehearsed in staging.

                ## Timeline

                """);
        for (int i = 0; i < timelineEntries; i++) {
            int minute = 8 * 60 + i * 3;
            String kind = i == 0 ? "[start] " : i == 2 ? "[detection] " : i == timelineEntries / 2 ? "[mitigation] " : "";
            sb.append(String.format("- 2026-11-%02d %02d:%02d UTC — %sStep %d of the response: replica set %d re-synced, error rate %d%%%n",
                    2 + minute / 1440, (minute / 60) % 24, minute % 60, kind, i, i % 40, (i * 7) % 13));
        }
        sb.append("""

                ## What went well

                - Pinning placement reads to the previous version was a documented, rehearsed step.

                ## What went wrong

                - The error-rate alert took seven minutes to fire.

                ## Where we got lucky

                The migration started before the European peak.

                ## Lessons learned

                Tools that change shared state need safe defaults and a dry run, whatever their first use was.

                ## Action items

                """);
        for (int i = 0; i < actions; i++) {
            sb.append(String.format("- [ ] [%s] Add a guard to migration step %d that checks replica lag before rewriting placement @owner%d%s project:OPS%n",
                    i % 3 == 0 ? "priority" : "improvement", i, i % 7, i % 2 == 0 ? " due:2026-12-" + (10 + i % 18) : ""));
        }
        return sb.toString();
    }
}
