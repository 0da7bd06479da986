package io.hindsight.jira.ao;

import net.java.ao.RawEntity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One admin setting (Confluence target, SLO policy YAML, templates YAML). Keyed by name, so the admin
 * page reads one row per setting; values are unlimited text and therefore never filtered on.
 */
@Table("SETTING")
public interface SettingEntity extends RawEntity<String> {
    @NotNull
    @PrimaryKey("SETTING_KEY")
    @StringLength(100)
    String getSettingKey();

    @StringLength(StringLength.UNLIMITED)
    String getSettingValue();

    void setSettingValue(String value);

    long getUpdatedMillis();

    void setUpdatedMillis(long millis);

    @StringLength(255)
    String getUpdatedBy();

    void setUpdatedBy(String userKey);
}
