package io.hindsight.jira.jira;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.sal.api.message.I18nResolver;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;

import java.util.Optional;

/**
 * The Jira account Hindsight acts as where no one is signed in (the queue, the reminders, provisioning on
 * enable): it creates the tickets, writes the comments and owns the filter. Set on the admin page; read on
 * each use, so a change on one node holds on all.
 */
public final class RunAs {
    private final AdminSettings settings;
    private final UserManager users;
    private final I18nResolver i18n;

    public RunAs(AdminSettings settings, UserManager users, I18nResolver i18n) {
        this.settings = settings;
        this.users = users;
        this.i18n = i18n;
    }

    /** The configured user name, if any: also how Hindsight recognises events it caused itself. */
    public Optional<String> name() {
        return settings.get(Setting.JIRA_USER);
    }

    /** @throws IllegalStateException saying what to set, when no usable account is configured */
    public ApplicationUser user() {
        String name = name().orElseThrow(() -> new IllegalStateException(i18n.getText("hindsight.run-as.unset")));
        ApplicationUser user = users.getUserByName(name);
        if (user == null || !user.isActive()) {
            throw new IllegalStateException(i18n.getText("hindsight.run-as.inactive", name));
        }
        return user;
    }
}
