package io.hindsight.jira.jira;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
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

    public RunAs(AdminSettings settings, UserManager users) {
        this.settings = settings;
        this.users = users;
    }

    /** The configured user name, if any: also how Hindsight recognises events it caused itself. */
    public Optional<String> name() {
        return settings.get(Setting.JIRA_USER);
    }

    /** @throws IllegalStateException saying what to set, when no usable account is configured */
    public ApplicationUser user() {
        String name = name().orElseThrow(() -> new IllegalStateException(
                "no Jira account is set for Hindsight to act as: set one under Administration > Manage apps > Hindsight settings"));
        ApplicationUser user = users.getUserByName(name);
        if (user == null || !user.isActive()) {
            throw new IllegalStateException("Hindsight is set to act as '" + name + "', which is not an active Jira user: choose another account on Hindsight's settings page");
        }
        return user;
    }
}
