package io.hindsight.atlassian.provision;

import io.hindsight.atlassian.agile.Boards;
import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceModel;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small in-memory Jira + Confluence with just what provisioning touches; counts every write. */
final class FakeSite implements JiraClient, Boards {
    final List<JiraModel.IssueTypeInfo> issueTypes = new ArrayList<>(List.of(new JiraModel.IssueTypeInfo("10001", "Task", false)));
    final List<JiraModel.FieldInfo> fields = new ArrayList<>(List.of(new JiraModel.FieldInfo("summary", "Summary", false, "string", null)));
    final Map<String, List<String>> tabFields = new HashMap<>(Map.of("10000", new ArrayList<>(List.of("summary"))));
    final List<JiraModel.LinkTypeInfo> linkTypes = new ArrayList<>(List.of(new JiraModel.LinkTypeInfo("10000", "Blocks", "is blocked by", "blocks")));
    final List<JiraModel.FilterInfo> filters = new ArrayList<>();
    final List<JiraModel.Board> boards = new ArrayList<>();
    final List<ConfluenceModel.Page> pages = new ArrayList<>();
    final List<String> projectIssueTypes = new ArrayList<>(List.of("10001"));
    boolean adminDenied;
    int writes;
    private int nextId = 20000;

    private String id() {
        return String.valueOf(nextId++);
    }

    private void write() {
        writes++;
    }

    @Override public JiraModel.Deployment deployment() { return JiraModel.Deployment.DATA_CENTER; }
    @Override public RequestCounter counter() { return new RequestCounter(); }
    @Override public List<JiraModel.IssueTypeInfo> issueTypes() { return List.copyOf(issueTypes); }

    @Override
    public JiraModel.IssueTypeInfo createIssueType(String name, String description) {
        if (adminDenied) throw new AtlassianException.Forbidden("Jira answered 403 to POST /rest/api/2/issuetype: You are not a Jira administrator.", "POST /rest/api/2/issuetype", null);
        write();
        JiraModel.IssueTypeInfo t = new JiraModel.IssueTypeInfo(id(), name, false);
        issueTypes.add(t);
        return t;
    }

    @Override public List<JiraModel.FieldInfo> fields() { return List.copyOf(fields); }

    @Override
    public JiraModel.FieldInfo createField(String name, String description, String type, String searcherKey) {
        write();
        JiraModel.FieldInfo f = new JiraModel.FieldInfo("customfield_" + id(), name, true, "string", type);
        fields.add(f);
        return f;
    }

    @Override public List<JiraModel.Screen> screens() { return List.of(new JiraModel.Screen("1", "Default Screen")); }
    @Override public List<JiraModel.ScreenTab> tabs(String screenId) { return List.of(new JiraModel.ScreenTab("10000", "Field Tab")); }
    @Override public List<String> tabFields(String screenId, String tabId) { return List.copyOf(tabFields.get(tabId)); }

    @Override
    public void addFieldToTab(String screenId, String tabId, String fieldId) {
        write();
        tabFields.get(tabId).add(fieldId);
    }

    @Override public List<JiraModel.LinkTypeInfo> linkTypes() { return List.copyOf(linkTypes); }

    @Override
    public JiraModel.LinkTypeInfo createLinkType(String name, String inward, String outward) {
        write();
        JiraModel.LinkTypeInfo l = new JiraModel.LinkTypeInfo(id(), name, inward, outward);
        linkTypes.add(l);
        return l;
    }

    @Override public Optional<JiraModel.FilterInfo> findFilter(String name) { return filters.stream().filter(f -> f.name().equals(name)).findFirst(); }

    @Override
    public JiraModel.FilterInfo createFilter(String name, String jql, String description) {
        write();
        JiraModel.FilterInfo f = new JiraModel.FilterInfo(id(), name, jql);
        filters.add(f);
        return f;
    }

    @Override public JiraModel.ProjectInfo project(String key) {
        if (!key.equals("PM")) throw new AtlassianException.NotFound("No project could be found with key '" + key + "'.", "GET /rest/api/2/project/" + key, null);
        return new JiraModel.ProjectInfo("10200", "PM", "Post-mortems", projectIssueTypes);
    }

    @Override public List<JiraModel.Board> findBoards(String name) { return boards.stream().filter(b -> b.name().contains(name)).toList(); }

    @Override
    public JiraModel.Board createBoard(String name, long filterId, String projectKey) {
        write();
        JiraModel.Board b = new JiraModel.Board(Long.parseLong(id()), name, "kanban");
        boards.add(b);
        return b;
    }

    // not used by provisioning
    @Override public Optional<JiraModel.Issue> issue(String key, List<String> f, List<String> p) { throw new AssertionError("provisioning does not call this"); }
    @Override public JiraModel.IssueRef create(JiraModel.NewIssue issue) { throw new AssertionError("provisioning does not call this"); }
    @Override public JiraModel.BulkResult createAll(List<JiraModel.NewIssue> issues) { throw new AssertionError("provisioning does not call this"); }
    @Override public void edit(String key, JiraModel.IssueEdit edit) { throw new AssertionError("provisioning does not call this"); }
    @Override public void comment(String key, String markdown) { throw new AssertionError("provisioning does not call this"); }
    @Override public void comment(String key, String markdown, List<JiraModel.User> mention) { throw new AssertionError("provisioning does not call this"); }
    @Override public List<JiraModel.Transition> transitions(String key) { throw new AssertionError("provisioning does not call this"); }
    @Override public void transition(String key, String id) { throw new AssertionError("provisioning does not call this"); }
    @Override public void transition(String key, String id, String resolution) { throw new AssertionError("provisioning does not call this"); }
    @Override public void comment(String key, String markdown, Map<String, JiraModel.Property> properties) { throw new AssertionError("provisioning does not call this"); }
    @Override public List<JiraModel.Comment> recentComments(String key, int max) { throw new AssertionError("provisioning does not call this"); }
    @Override public void link(String type, String from, String to) { throw new AssertionError("provisioning does not call this"); }
    @Override public Optional<JiraModel.Property> property(String key, String p) { throw new AssertionError("provisioning does not call this"); }
    @Override public void setProperty(String key, String p, JiraModel.Property v) { throw new AssertionError("provisioning does not call this"); }
    @Override public List<JiraModel.Issue> search(String jql, List<String> f, List<String> p, int limit) { throw new AssertionError("provisioning does not call this"); }
    @Override public List<JiraModel.User> findUsers(String q) { throw new AssertionError("provisioning does not call this"); }
    @Override public JiraModel.User myself() { throw new AssertionError("provisioning does not call this"); }

    /** The Confluence side of the fake site. */
    final Confluence confluence = new Confluence();

    final class Confluence implements ConfluenceClient {
        @Override public RequestCounter counter() { return new RequestCounter(); }
        @Override public Optional<ConfluenceModel.Page> findPage(String spaceKey, String title) {
            return pages.stream().filter(p -> p.spaceKey().equals(spaceKey) && p.title().equals(title)).findFirst();
        }

        @Override
        public ConfluenceModel.Page create(ConfluenceModel.NewPage p) {
            write();
            ConfluenceModel.Page page = new ConfluenceModel.Page(id(), p.title(), p.spaceKey(), 1, p.storage());
            pages.add(page);
            return page;
        }

        @Override public Optional<ConfluenceModel.Page> page(String id) { throw new AssertionError("provisioning does not call this"); }
        @Override public ConfluenceModel.Page update(String id, String t, String s, int v, String m) { throw new AssertionError("provisioning does not call this"); }
        @Override public void addLabels(String pageId, List<String> labels) { write(); }
        @Override public Optional<ConfluenceModel.Property> property(String pageId, String key) { throw new AssertionError("provisioning does not call this"); }
        @Override public void setProperty(String pageId, String key, Map<String, String> v, Optional<ConfluenceModel.Property> e) { throw new AssertionError("provisioning does not call this"); }

    }
}
