package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.Route;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The Jira REST API the sandbox serves, for one flavour: one resource class per part of Jira's API
 * (issues, search, links, properties, projects and metadata, users, workflows, agile), sharing one way
 * of writing Jira's objects ({@link JiraJson}).
 */
public final class JiraApi {
    /** Told about every change, to send webhooks. */
    public interface Events {
        void issueCreated(JiraState.Issue issue, String user);

        void issueUpdated(JiraState.Issue issue, String user, List<String> changedFields);

        void commentCreated(JiraState.Issue issue, JiraState.Comment comment, String user);

        void issueDeleted(JiraState.Issue issue, String user);
    }

    private final JiraState state;
    private final JiraJson json;
    private final SearchResource search;
    private final AgileResource agile;
    private final List<java.util.function.Consumer<Route>> resources;

    public JiraApi(JiraState state, Flavor flavor, Clock clock, String baseUrl, Events events) {
        this.state = state;
        this.json = new JiraJson(state, flavor, baseUrl);
        this.search = new SearchResource(json, clock);
        this.agile = new AgileResource(json, clock, search);
        IssueResource issues = new IssueResource(json, clock, events);
        LinkResource links = new LinkResource(json, events);
        PropertyResource properties = new PropertyResource(json);
        ProjectResource projects = new ProjectResource(json, clock);
        UserResource users = new UserResource(json);
        WorkflowResource workflows = new WorkflowResource(json, clock, events);
        this.resources = List.of(projects::routes, users::routes, issues::routes, workflows::routes, properties::routes,
                search::routes, links::routes, agile::routes);
    }

    /** Registers every resource's routes. */
    public void routes(Route on) {
        resources.forEach(r -> r.accept(on));
    }

    /** The state behind the API; lock it while reading. */
    public JiraState state() {
        return state;
    }

    public Flavor flavor() {
        return json.flavor;
    }

    /** Jira's JSON for the site's objects, as the API answers with them. */
    public JiraJson json() {
        return json;
    }

    /** An issue as Jira renders it; {@code fields} empty or "*all" means all fields. Callers hold the state's lock. */
    public ObjectNode issueJson(JiraState.Issue i, List<String> fields, List<String> properties) {
        return json.issue(i, fields, properties);
    }

    /** Every issue the query selects, in its order; a query Jira would refuse throws its 400. Callers hold the state's lock. */
    public List<JiraState.Issue> search(String jql) {
        return search.search(jql);
    }

    /** Board columns, as the board shows them: status category to issues. Callers hold the state's lock. */
    public Map<String, List<JiraState.Issue>> columns(JiraState.Board b) {
        return agile.columns(b);
    }
}
