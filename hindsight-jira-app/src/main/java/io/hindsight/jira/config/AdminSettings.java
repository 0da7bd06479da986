package io.hindsight.jira.config;

import com.atlassian.activeobjects.external.ActiveObjects;
import io.hindsight.jira.ao.SettingEntity;
import net.java.ao.DBParam;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's settings, one Active Objects row each, read from the database on every use: a node keeps no
 * copy, so a change saved on one node of a cluster holds on all of them at once.
 */
public final class AdminSettings {
    private final ActiveObjects ao;
    private final Clock clock;

    public AdminSettings(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /** The value, or empty when unset or blank (Oracle stores an empty string as NULL: both mean unset). */
    public Optional<String> get(Setting setting) {
        SettingEntity row = ao.get(SettingEntity.class, setting.key());
        return row == null ? Optional.empty() : Optional.ofNullable(row.getSettingValue()).filter(v -> !v.isBlank());
    }

    public HindsightConfig config() {
        return new HindsightConfig(
                get(Setting.CONFLUENCE_URL).orElse(""),
                get(Setting.CONFLUENCE_SPACE).orElse(""),
                get(Setting.CONFLUENCE_PARENT_PAGE).orElse(""),
                get(Setting.CONFLUENCE_TOKEN).isPresent(),
                get(Setting.SLO_POLICY_YAML).orElse(""),
                get(Setting.TEMPLATES_YAML).orElse(""),
                get(Setting.POST_MORTEM_PROJECT).orElse(""),
                get(Setting.JIRA_USER).orElse(""));
    }

    /** Saves several settings together, in one transaction; a null or blank value unsets. */
    public void save(Map<Setting, String> values, String userKey) {
        ao.executeInTransaction(() -> {
            long now = clock.millis();
            for (Map.Entry<Setting, String> e : values.entrySet()) {
                SettingEntity row = ao.get(SettingEntity.class, e.getKey().key());
                if (row == null) row = ao.create(SettingEntity.class, new DBParam("SETTING_KEY", e.getKey().key()));
                String v = e.getValue() == null ? null : e.getValue().strip();
                row.setSettingValue(v == null || v.isEmpty() ? null : v);
                row.setUpdatedMillis(now);
                row.setUpdatedBy(userKey);
                row.save();
            }
            return null;
        });
    }
}
