package io.hindsight.jira.jira;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import io.hindsight.core.model.Severity;
import io.hindsight.jira.incident.Incident;
import org.junit.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The thin Jira adapters: what they ask Jira's managers, and how they map the answers. */
public class JiraAdaptersTest {
    private final JiraAuthenticationContext auth = mock(JiraAuthenticationContext.class);
    private final IssueManager issues = mock(IssueManager.class);
    private final PermissionManager permissions = mock(PermissionManager.class);
    private final GlobalPermissionManager global = mock(GlobalPermissionManager.class);
    private final CustomFieldManager fields = mock(CustomFieldManager.class);
    private final ApplicationUser alice = mock(ApplicationUser.class);
    private final JiraAccess access = new JiraAccess(auth, issues, permissions, global);

    @Test
    public void browsingAnIssueIsJirasBrowseProjectsPermissionForTheSignedInUser() {
        MutableIssue pm = mock(MutableIssue.class);
        when(auth.getLoggedInUser()).thenReturn(alice);
        when(issues.getIssueObject("PM-1")).thenReturn(pm);
        when(permissions.hasPermission(ProjectPermissions.BROWSE_PROJECTS, pm, alice)).thenReturn(true);

        assertTrue(access.canBrowse("PM-1"));
        assertFalse("an issue that does not exist cannot be browsed", access.canBrowse("PM-404"));
    }

    @Test
    public void anAnonymousUserIsNoAdminAndNobody() {
        when(auth.getLoggedInUser()).thenReturn(null);
        assertFalse(access.isAdmin());
        assertEquals(Optional.empty(), access.currentUser());
        verify(global, never()).hasPermission(any(), any());
    }

    @Test
    public void adminIsJirasAdministerGlobalPermission() {
        when(auth.getLoggedInUser()).thenReturn(alice);
        when(alice.getKey()).thenReturn("JIRAUSER10100");
        when(global.hasPermission(GlobalPermissionKey.ADMINISTER, alice)).thenReturn(true);
        assertTrue(access.isAdmin());
        assertEquals(Optional.of("JIRAUSER10100"), access.currentUser());
    }

    @Test
    public void anIncidentsSeverityComesFromTheSeverityFieldElseFromAPriorityNamedLikeOne() {
        MutableIssue inc = incident("INC-4", "Payments down", Instant.parse("2026-11-02T13:00:00Z"));
        CustomField severity = mock(CustomField.class);
        Option sev1 = mock(Option.class);
        when(sev1.getValue()).thenReturn("SEV1");
        when(fields.getCustomFieldObjectsByName(io.hindsight.core.port.Schema.SEVERITY_FIELD)).thenReturn(List.of(severity));
        when(inc.getCustomFieldValue(severity)).thenReturn(sev1);

        Incident i = new JiraIncidentSource(issues, fields).incident("INC-4").orElseThrow();
        assertEquals("Payments down", i.summary());
        assertEquals(Optional.of(Severity.SEV1), i.severity());
        assertEquals(Instant.parse("2026-11-02T13:00:00Z"), i.started().orElseThrow().toInstant());

        when(inc.getCustomFieldValue(severity)).thenReturn(null);
        Priority p2 = mock(Priority.class);
        when(p2.getName()).thenReturn("Sev 2");
        when(inc.getPriority()).thenReturn(p2);
        assertEquals(Optional.of(Severity.SEV2), new JiraIncidentSource(issues, fields).incident("INC-4").orElseThrow().severity());

        when(p2.getName()).thenReturn("Highest");
        assertEquals(Optional.empty(), new JiraIncidentSource(issues, fields).incident("INC-4").orElseThrow().severity());
        assertEquals(Optional.empty(), new JiraIncidentSource(issues, fields).incident("INC-404"));
    }

    private MutableIssue incident(String key, String summary, Instant created) {
        MutableIssue issue = mock(MutableIssue.class);
        when(issue.getKey()).thenReturn(key);
        when(issue.getSummary()).thenReturn(summary);
        when(issue.getCreated()).thenReturn(Timestamp.from(created));
        when(issues.getIssueObject(key)).thenReturn(issue);
        return issue;
    }
}
