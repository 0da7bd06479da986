package io.hindsight.sandbox;

import io.hindsight.sandbox.confluence.ConfluenceState;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.jira.Workflows;

import java.util.ArrayList;
import java.util.List;

/** The demo site the sandbox starts with: projects, a workflow, a team, a Confluence space. */
final class Seed {
    /** The accounts that can sign in: a Data Center token and a Cloud email + API token each. */
    record Account(String user, String token, String email, String apiToken) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("hindsight", "sandbox-admin-token", "hindsight@example.com", "sandbox-api-token"),
            new Account("viewer", "sandbox-viewer-token", "viewer@example.com", "viewer-api-token"),
            new Account("maria", "sandbox-maria-token", "maria@example.com", "maria-api-token"));

    private Seed() {
    }

    static void jira(JiraState s, Workflows workflow) {
        s.projects.put("PM", new JiraState.Project("10200", "PM", "Post-mortems"));
        s.projects.put("OPS", new JiraState.Project("10300", "OPS", "Operations"));
        s.projects.put("DB", new JiraState.Project("10400", "DB", "Database"));
        s.issueTypes.put("10001", new JiraState.IssueType("10001", "Task", false));
        s.issueTypes.put("10002", new JiraState.IssueType("10002", "Bug", false));
        s.statuses.put("10000", new JiraState.Status("10000", "To Do", "new"));
        s.statuses.put("3", new JiraState.Status("3", "In Progress", "indeterminate"));
        s.statuses.put("10001", new JiraState.Status("10001", "Done", "done"));
        for (Workflows w : Workflows.values()) s.workflows.put(w.workflow().name(), w.workflow());
        s.defaultWorkflow = workflow.workflow().name();
        for (String[] f : new String[][]{{"summary", "Summary", "string"}, {"description", "Description", "string"}, {"issuetype", "Issue Type", "issuetype"},
                {"project", "Project", "project"}, {"priority", "Priority", "priority"}, {"assignee", "Assignee", "user"}, {"duedate", "Due date", "date"},
                {"labels", "Labels", "array"}, {"status", "Status", "status"}, {"issuelinks", "Linked Issues", "array"}}) {
            s.fields.put(f[0], new JiraState.Field(f[0], f[1], false, f[2], null));
        }
        s.screens.put("1", "Default Screen");
        s.screenFields.put("1", new ArrayList<>(List.of("summary", "issuetype", "description", "priority", "assignee", "duedate", "labels")));
        s.linkTypes.put("10000", new JiraState.LinkType("10000", "Blocks", "is blocked by", "blocks"));
        s.linkTypes.put("10002", new JiraState.LinkType("10002", "Duplicate", "is duplicated by", "duplicates"));
        s.linkTypes.put("10003", new JiraState.LinkType("10003", "Relates", "relates to", "relates to"));
        s.users.put("hindsight", new JiraState.User("hindsight", "5b10a2844c20165700ede21g", "Hindsight", "hindsight@example.com", true));
        s.users.put("viewer", new JiraState.User("viewer", "5b10a2844c20165700ede22h", "Read Only", "viewer@example.com", false));
        for (String[] u : new String[][]{{"maria", "Maria Garcia"}, {"kenji", "Kenji Tanaka"}, {"priya", "Priya Nair"}, {"lee", "Lee Park"},
                {"dana", "Dana Cohen"}, {"alice", "Alice Martin"}}) {
            s.users.put(u[0], new JiraState.User(u[0], "5b10ac8d82e05b22cc7d" + Integer.toHexString(u[0].hashCode()), u[1], u[0] + "@example.com", false));
        }
    }

    static void confluence(ConfluenceState s) {
        s.spaces.put("OPS", new ConfluenceState.Space("131073", "OPS", "Operations"));
        s.spaces.put("ENG", new ConfluenceState.Space("131074", "ENG", "Engineering"));
    }
}
