package io.hindsight.jira.ao;

import net.java.ao.RawEntity;

import java.util.List;

/** What the descriptor's {@code <ao>} module declares; tests and the descriptor check use the same list. */
public final class AoSchema {
    /** Never change: Active Objects derives the table prefix from it, and a new prefix orphans every row. */
    public static final String NAMESPACE = "io.hindsight.jira";

    public static final List<Class<? extends RawEntity<?>>> ENTITIES = List.of(SyncJobEntity.class, SettingEntity.class);

    private AoSchema() {
    }
}
