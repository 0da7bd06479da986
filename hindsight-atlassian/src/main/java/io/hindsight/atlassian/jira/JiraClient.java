package io.hindsight.atlassian.jira;

import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraModel.BulkResult;
import io.hindsight.atlassian.jira.JiraModel.FieldInfo;
import io.hindsight.atlassian.jira.JiraModel.FilterInfo;
import io.hindsight.atlassian.jira.JiraModel.Issue;
import io.hindsight.atlassian.jira.JiraModel.IssueEdit;
import io.hindsight.atlassian.jira.JiraModel.IssueRef;
import io.hindsight.atlassian.jira.JiraModel.IssueTypeInfo;
import io.hindsight.atlassian.jira.JiraModel.LinkTypeInfo;
import io.hindsight.atlassian.jira.JiraModel.NewIssue;
import io.hindsight.atlassian.jira.JiraModel.Property;
import io.hindsight.atlassian.jira.JiraModel.Screen;
import io.hindsight.atlassian.jira.JiraModel.ScreenTab;
import io.hindsight.atlassian.jira.JiraModel.Transition;
import io.hindsight.atlassian.jira.JiraModel.User;

import java.util.List;
import java.util.Optional;

/**
 * Jira as Hindsight uses it, the same for Data Center ({@code /rest/api/2}, wiki markup) and Cloud
 * ({@code /rest/api/3}, ADF). Text goes in as Markdown; failures are {@code AtlassianException}s.
 */
public interface JiraClient {
    JiraModel.Deployment deployment();

    RequestCounter counter();

    /** The issue with these fields and entity properties, in one request; empty when it does not exist. */
    Optional<Issue> issue(String key, List<String> fields, List<String> properties);

    IssueRef create(NewIssue issue);

    /** Creates in requests of up to 50; the result lists what was created and what failed, by position. */
    BulkResult createAll(List<NewIssue> issues);

    void edit(String key, IssueEdit edit);

    void comment(String key, String markdown);

    /**
     * A comment that notifies people: Jira mails and alerts each user mentioned. It starts with the
     * mentions ({@code [~name]} on Data Center, ADF mention nodes on Cloud), then the text.
     */
    void comment(String key, String markdown, List<User> mention);

    /**
     * A comment carrying entity properties set in the same request (marks people do not see).
     */
    void comment(String key, String markdown, java.util.Map<String, Property> properties);

    /** The issue's newest comments, newest first, with their properties. */
    List<JiraModel.Comment> recentComments(String key, int max);

    List<Transition> transitions(String key);

    void transition(String key, String transitionId);

    /** Takes a transition setting a resolution (the transition's screen must have the field, or Jira answers 400). */
    void transition(String key, String transitionId, String resolution);

    /** Links two issues: "{@code from} (the type's outward verb) {@code to}". */
    void link(String linkTypeName, String from, String to);

    Optional<Property> property(String key, String propertyKey);

    void setProperty(String key, String propertyKey, Property value);

    /** Every issue the query finds, page by page, up to {@code limit}. */
    List<Issue> search(String jql, List<String> fields, List<String> properties, int limit);

    List<User> findUsers(String query);

    /** The account Hindsight signs in as (its id: accountId on Cloud, user name on Data Center). */
    User myself();

    JiraModel.ProjectInfo project(String key);

    List<IssueTypeInfo> issueTypes();

    IssueTypeInfo createIssueType(String name, String description);

    List<FieldInfo> fields();

    FieldInfo createField(String name, String description, String type, String searcherKey);

    List<Screen> screens();

    List<ScreenTab> tabs(String screenId);

    List<String> tabFields(String screenId, String tabId);

    void addFieldToTab(String screenId, String tabId, String fieldId);

    List<LinkTypeInfo> linkTypes();

    LinkTypeInfo createLinkType(String name, String inward, String outward);

    Optional<FilterInfo> findFilter(String name);

    FilterInfo createFilter(String name, String jql, String description);
}
