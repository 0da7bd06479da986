package io.hindsight.atlassian.jira;

import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.jira.JiraModel.Issue;
import io.hindsight.atlassian.jira.JiraModel.NewIssue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What both flavours share: requests from {@link JiraRequests}, answers read by {@link JiraParsers}. */
abstract class RestJiraClient implements JiraClient {
    protected final AtlassianHttp http;
    protected final JiraRequests requests;

    RestJiraClient(AtlassianHttp http, JiraModel.Deployment deployment) {
        this.http = http;
        this.requests = new JiraRequests(deployment);
    }

    protected String send(ApiRequest r) {
        return http.send(r).body();
    }

    @Override
    public JiraModel.Deployment deployment() {
        return requests.deployment();
    }

    @Override
    public RequestCounter counter() {
        return http.counter();
    }

    @Override
    public Optional<Issue> issue(String key, List<String> fields, List<String> properties) {
        return AtlassianException.NotFound.orEmpty(() -> JiraParsers.issue(send(requests.getIssue(key, fields, properties))));
    }

    @Override
    public JiraModel.IssueRef create(NewIssue issue) {
        try {
            return JiraParsers.created(send(requests.createIssue(issue)));
        } catch (AtlassianException.BadRequest e) {
            throw explainScreen(e, issue);
        }
    }

    /**
     * Jira's "Field 'customfield_10050' cannot be set. It is not on the appropriate screen, or unknown."
     * says neither which field nor where; the explanation names the field, the project and the issue type.
     */
    private AtlassianException.BadRequest explainScreen(AtlassianException.BadRequest e, NewIssue issue) {
        List<String> offScreen = e.error().fieldErrors().entrySet().stream()
                .filter(x -> x.getValue().contains("not on the appropriate screen")).map(java.util.Map.Entry::getKey).toList();
        if (offScreen.isEmpty()) return e;
        java.util.Map<String, String> names = new java.util.HashMap<>();
        try {
            fields().forEach(f -> names.put(f.id(), f.name()));
        } catch (AtlassianException ignored) {
            // the explanation is a courtesy; the original error still stands
        }
        String fields = String.join(", ", offScreen.stream().map(id -> names.containsKey(id) ? "'" + names.get(id) + "' (" + id + ")" : id).toList());
        return new AtlassianException.BadRequest("Jira cannot set " + fields + " on a new " + issue.issueType() + " in project " + issue.project()
                + ": the field is not on that project's create screen for this issue type. Add it to the screen (Project settings > Screens), "
                + "or run 'hindsight provision --screen NAME' with the screen the project uses. Jira said: " + e.getMessage(),
                e.request(), e.error(), e.responseBody());
    }

    @Override
    public JiraModel.BulkResult createAll(List<NewIssue> issues) {
        List<JiraModel.IssueRef> created = new ArrayList<>();
        List<JiraModel.BulkError> errors = new ArrayList<>();
        for (int from = 0; from < issues.size(); from += JiraRequests.BULK_LIMIT) {
            List<NewIssue> chunk = issues.subList(from, Math.min(issues.size(), from + JiraRequests.BULK_LIMIT));
            JiraModel.BulkResult r;
            try {
                r = JiraParsers.bulk(send(requests.createIssues(chunk)));
            } catch (AtlassianException.BadRequest e) {
                // Jira answers 400 when no element of the chunk could be created; the body says why, element by element
                r = JiraParsers.bulk(e.responseBody());
                if (r.errors().isEmpty()) {
                    for (int i = 0; i < chunk.size(); i++) errors.add(new JiraModel.BulkError(from + i, e.getMessage()));
                    continue;
                }
            }
            created.addAll(r.created());
            for (JiraModel.BulkError err : r.errors()) errors.add(new JiraModel.BulkError(from + err.index(), err.message()));
        }
        return new JiraModel.BulkResult(created, errors);
    }

    @Override
    public void edit(String key, JiraModel.IssueEdit edit) {
        send(requests.editIssue(key, edit));
    }

    @Override
    public void comment(String key, String markdown) {
        send(requests.addComment(key, markdown, List.of()));
    }

    @Override
    public void comment(String key, String markdown, List<JiraModel.User> mention) {
        send(requests.addComment(key, markdown, mention));
    }

    @Override
    public void comment(String key, String markdown, java.util.Map<String, JiraModel.Property> properties) {
        send(requests.addComment(key, markdown, List.of(), properties));
    }

    @Override
    public List<JiraModel.Comment> recentComments(String key, int max) {
        return JiraParsers.comments(send(requests.recentComments(key, max)));
    }

    @Override
    public void transition(String key, String transitionId, String resolution) {
        send(requests.transition(key, transitionId, resolution));
    }

    @Override
    public void link(String linkTypeName, String from, String to) {
        send(requests.createLink(linkTypeName, from, to));
    }

    @Override
    public List<JiraModel.Transition> transitions(String key) {
        return JiraParsers.transitions(send(requests.transitions(key)));
    }

    @Override
    public void transition(String key, String transitionId) {
        send(requests.transition(key, transitionId));
    }

    @Override
    public Optional<JiraModel.Property> property(String key, String propertyKey) {
        return AtlassianException.NotFound.orEmpty(() -> JiraParsers.propertyResponse(send(requests.getProperty(key, propertyKey))));
    }

    @Override
    public void setProperty(String key, String propertyKey, JiraModel.Property value) {
        send(requests.setProperty(key, propertyKey, value));
    }

    @Override
    public List<Issue> search(String jql, List<String> fields, List<String> properties, int limit) {
        List<Issue> out = new ArrayList<>();
        String cursor = null;
        do {
            int page = Math.min(100, limit - out.size());
            JiraParsers.SearchPage p = JiraParsers.searchPage(send(requests.search(jql, fields, properties, page, cursor)), deployment());
            out.addAll(p.issues());
            cursor = p.next();
        } while (cursor != null && out.size() < limit);
        return out;
    }

    @Override
    public List<JiraModel.User> findUsers(String query) {
        return JiraParsers.users(send(requests.findUsers(query)));
    }

    @Override
    public JiraModel.User myself() {
        return JiraParsers.user(JiraParsers.tree(send(requests.myself())));
    }

    @Override
    public JiraModel.ProjectInfo project(String key) {
        return JiraParsers.project(send(requests.project(key)));
    }

    @Override
    public List<JiraModel.IssueTypeInfo> issueTypes() {
        return JiraParsers.issueTypes(send(requests.issueTypes()));
    }

    @Override
    public JiraModel.IssueTypeInfo createIssueType(String name, String description) {
        String body = send(requests.createIssueType(name, description));
        // Data Center 10.3 documents a 201 without a body: then the new type is read back by name
        if (!body.isBlank()) return JiraParsers.issueType(body);
        return issueTypes().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Jira said issue type '" + name + "' was created, but does not list it"));
    }

    @Override
    public List<JiraModel.FieldInfo> fields() {
        return JiraParsers.fields(send(requests.fields()));
    }

    @Override
    public JiraModel.FieldInfo createField(String name, String description, String type, String searcherKey) {
        return JiraParsers.createdField(send(requests.createField(name, description, type, searcherKey)));
    }

    @Override
    public List<JiraModel.Screen> screens() {
        return JiraParsers.screens(send(requests.screens()));
    }

    @Override
    public List<JiraModel.ScreenTab> tabs(String screenId) {
        return JiraParsers.tabs(send(requests.screenTabs(screenId)));
    }

    @Override
    public List<String> tabFields(String screenId, String tabId) {
        return JiraParsers.tabFieldIds(send(requests.screenTabFields(screenId, tabId)));
    }

    @Override
    public void addFieldToTab(String screenId, String tabId, String fieldId) {
        send(requests.addFieldToTab(screenId, tabId, fieldId));
    }

    @Override
    public List<JiraModel.LinkTypeInfo> linkTypes() {
        return JiraParsers.linkTypes(send(requests.linkTypes()));
    }

    @Override
    public JiraModel.LinkTypeInfo createLinkType(String name, String inward, String outward) {
        String body = send(requests.createLinkType(name, inward, outward));
        if (!body.isBlank()) return JiraParsers.linkType(body);
        return linkTypes().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Jira said link type '" + name + "' was created, but does not list it"));
    }

    @Override
    public JiraModel.FilterInfo createFilter(String name, String jql, String description) {
        return JiraParsers.filter(send(requests.createFilter(name, jql, description)));
    }
}
