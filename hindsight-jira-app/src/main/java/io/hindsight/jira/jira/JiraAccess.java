package io.hindsight.jira.jira;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import io.hindsight.jira.port.Access;

import java.util.Optional;

/** {@link Access} over Jira's permission managers, for the user of the current request. */
public final class JiraAccess implements Access {
    private final JiraAuthenticationContext auth;
    private final IssueManager issues;
    private final PermissionManager permissions;
    private final GlobalPermissionManager globalPermissions;

    public JiraAccess(JiraAuthenticationContext auth, IssueManager issues, PermissionManager permissions,
                      GlobalPermissionManager globalPermissions) {
        this.auth = auth;
        this.issues = issues;
        this.permissions = permissions;
        this.globalPermissions = globalPermissions;
    }

    @Override
    public Optional<String> currentUser() {
        return Optional.ofNullable(auth.getLoggedInUser()).map(ApplicationUser::getKey);
    }

    @Override
    public boolean canBrowse(String issueKey) {
        Issue issue = issues.getIssueObject(issueKey);
        return issue != null && permissions.hasPermission(ProjectPermissions.BROWSE_PROJECTS, issue, auth.getLoggedInUser());
    }

    @Override
    public boolean isAdmin() {
        ApplicationUser user = auth.getLoggedInUser();
        return user != null && globalPermissions.hasPermission(GlobalPermissionKey.ADMINISTER, user);
    }
}
