package io.hindsight.atlassian.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.jira.JiraModel.Deployment;
import io.hindsight.atlassian.jira.JiraModel.FieldValue;
import io.hindsight.atlassian.jira.JiraModel.IssueEdit;
import io.hindsight.atlassian.jira.JiraModel.NewIssue;
import io.hindsight.core.render.PostMortemRenderer;

import java.util.List;
import java.util.Map;

import static io.hindsight.atlassian.http.ApiRequest.segment;

/**
 * Builds every Jira request Hindsight sends, for Data Center ({@code /rest/api/2}, wiki markup) or
 * Cloud ({@code /rest/api/3}, ADF). Pure: no I/O, so each request is checked against Atlassian's
 * contracts in tests.
 */
public final class JiraRequests {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Jira's bulk create takes at most 50 issues per request. */
    public static final int BULK_LIMIT = 50;

    private final Deployment deployment;
    private final String api;

    public JiraRequests(Deployment deployment) {
        this.deployment = deployment;
        this.api = deployment == Deployment.CLOUD ? "/rest/api/3" : "/rest/api/2";
    }

    public Deployment deployment() {
        return deployment;
    }

    public static ApiRequest serverInfo() {
        return ApiRequest.get("/rest/api/2/serverInfo").build();
    }

    /** One read with the fields, links and named entity properties: the post-mortem's load step. */
    public ApiRequest getIssue(String key, List<String> fields, List<String> properties) {
        return ApiRequest.get(api + "/issue/" + segment(key))
                .query("fields", String.join(",", fields))
                .query("properties", properties.isEmpty() ? null : String.join(",", properties))
                .build();
    }

    public ApiRequest createIssue(NewIssue issue) {
        return ApiRequest.postCreate(api + "/issue").json(write(issuePayload(issue))).build();
    }

    /** Up to {@link #BULK_LIMIT} issues, each with its links and properties inline. */
    public ApiRequest createIssues(List<NewIssue> issues) {
        if (issues.isEmpty() || issues.size() > BULK_LIMIT) {
            throw new IllegalArgumentException("a bulk create takes 1 to " + BULK_LIMIT + " issues, not " + issues.size());
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode updates = body.putArray("issueUpdates");
        issues.forEach(i -> updates.add(issuePayload(i)));
        return ApiRequest.postCreate(api + "/issue/bulk").json(write(body)).build();
    }

    public ApiRequest editIssue(String key, IssueEdit edit) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        if (edit.summary() != null) fields.put("summary", edit.summary());
        if (edit.descriptionMarkdown() != null) fields.set("description", richText(edit.descriptionMarkdown()));
        if (edit.priority() != null) fields.putObject("priority").put("name", edit.priority());
        if (edit.assignee() != null) fields.set("assignee", user(edit.assignee()));
        if (edit.due() != null) fields.put("duedate", edit.due().toString());
        edit.fields().forEach((id, v) -> fields.set(id, value(v)));
        if (!edit.addLabels().isEmpty()) {
            // "add" operations rather than setting the list: a label a person adds while we sync is not overwritten
            ArrayNode labels = body.putObject("update").putArray("labels");
            edit.addLabels().forEach(l -> labels.addObject().put("add", l));
        }
        // no notification mail for a machine's edit where the site allows it (Cloud honours this for admins)
        return ApiRequest.put(api + "/issue/" + segment(key)).json(write(body)).build();
    }

    /** Cloud account ids: hex, or "712020:" and a UUID. */
    private static final java.util.regex.Pattern ACCOUNT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9:_-]{1,128}");

    /** @param mention people to notify, named at the start of the comment */
    public ApiRequest addComment(String key, String markdown, List<JiraModel.User> mention) {
        return addComment(key, markdown, mention, Map.of());
    }

    /** @param properties entity properties set on the comment in the same request (marks people do not see) */
    public ApiRequest addComment(String key, String markdown, List<JiraModel.User> mention, Map<String, JiraModel.Property> properties) {
        ObjectNode body = JSON.createObjectNode();
        JsonNode text = richText(markdown);
        if (!mention.isEmpty()) text = deployment == Deployment.DATA_CENTER ? wikiMentions(mention, text.asText()) : adfMentions(mention, (ObjectNode) text);
        body.set("body", text);
        if (!properties.isEmpty()) {
            ArrayNode props = body.putArray("properties");
            properties.forEach((k, v) -> props.addObject().put("key", k).set("value", JSON.valueToTree(v.values())));
        }
        return ApiRequest.postCreate(api + "/issue/" + segment(key) + "/comment").json(write(body)).build();
    }

    /** The newest comments first, with their properties. */
    public ApiRequest recentComments(String key, int max) {
        return ApiRequest.get(api + "/issue/" + segment(key) + "/comment").query("orderBy", "-created").query("maxResults", max)
                .query("expand", "properties").build();
    }

    /**
     * A link between two issues: "{@code from} (outward verb) {@code to}", e.g. "OPS-13 duplicates OPS-1". In this
     * request Jira reads the type's outward verb from {@code inwardIssue} ("A blocks B" is inwardIssue A, outwardIssue B).
     */
    public ApiRequest createLink(String linkTypeName, String from, String to) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("type").put("name", linkTypeName);
        body.putObject("inwardIssue").put("key", from);
        body.putObject("outwardIssue").put("key", to);
        return ApiRequest.postCreate(api + "/issueLink").json(write(body)).build();
    }

    private static JsonNode wikiMentions(List<JiraModel.User> users, String wiki) {
        StringBuilder sb = new StringBuilder();
        for (JiraModel.User u : users) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(io.hindsight.core.render.WikiText.mention(u.id(), u.displayName()));
        }
        return JSON.getNodeFactory().textNode(sb + "\n\n" + wiki);
    }

    private static JsonNode adfMentions(List<JiraModel.User> users, ObjectNode doc) {
        ObjectNode paragraph = JSON.createObjectNode().put("type", "paragraph");
        ArrayNode content = paragraph.putArray("content");
        for (JiraModel.User u : users) {
            if (!content.isEmpty()) content.addObject().put("type", "text").put("text", " ");
            String name = "@" + (u.displayName() == null ? u.id() : u.displayName());
            if (ACCOUNT_ID.matcher(u.id()).matches()) content.addObject().put("type", "mention").putObject("attrs").put("id", u.id()).put("text", name);
            else content.addObject().put("type", "text").put("text", name);
        }
        ((ArrayNode) doc.withArray("content")).insert(0, paragraph);
        return doc;
    }

    public ApiRequest transitions(String key) {
        return ApiRequest.get(api + "/issue/" + segment(key) + "/transitions").build();
    }

    public ApiRequest transition(String key, String transitionId) {
        return transition(key, transitionId, null);
    }

    /** @param resolution the resolution to set with it (e.g. Duplicate), or null; the transition's screen must have the field */
    public ApiRequest transition(String key, String transitionId, String resolution) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("transition").put("id", transitionId);
        if (resolution != null) body.putObject("fields").putObject("resolution").put("name", resolution);
        return ApiRequest.postIdempotent(api + "/issue/" + segment(key) + "/transitions").json(write(body)).build();
    }

    public ApiRequest getProperty(String key, String propertyKey) {
        return ApiRequest.get(api + "/issue/" + segment(key) + "/properties/" + segment(propertyKey)).build();
    }

    public ApiRequest setProperty(String key, String propertyKey, JiraModel.Property value) {
        return ApiRequest.put(api + "/issue/" + segment(key) + "/properties/" + segment(propertyKey)).json(write(JSON.valueToTree(value.values()))).build();
    }

    /**
     * One page of a JQL search. Data Center pages with {@code startAt}; Cloud's {@code /search/jql}
     * with {@code nextPageToken} (the old Cloud {@code /search} is being removed). Only Cloud returns
     * entity properties with search results: Data Center 10.3's search takes no {@code properties}, so
     * there they are read per issue, and Hindsight also labels its tickets.
     */
    public ApiRequest search(String jql, List<String> fields, List<String> properties, int pageSize, String pageCursor) {
        if (deployment == Deployment.CLOUD) {
            ObjectNode body = JSON.createObjectNode().put("jql", jql).put("maxResults", pageSize);
            ArrayNode f = body.putArray("fields");
            fields.forEach(f::add);
            if (!properties.isEmpty()) {
                ArrayNode p = body.putArray("properties");
                properties.forEach(p::add);
            }
            if (pageCursor != null) body.put("nextPageToken", pageCursor);
            return ApiRequest.postRead(api + "/search/jql").json(write(body)).build();
        }
        ObjectNode body = JSON.createObjectNode().put("jql", jql).put("startAt", pageCursor == null ? 0 : Integer.parseInt(pageCursor))
                .put("maxResults", pageSize);
        ArrayNode f = body.putArray("fields");
        fields.forEach(f::add);
        return ApiRequest.postRead(api + "/search").json(write(body)).build();
    }

    /** Users matching a name, to turn {@code @owner} into an account (Cloud) or user name (DC). */
    public ApiRequest myself() {
        return ApiRequest.get(api + "/myself").build();
    }

    public ApiRequest findUsers(String query) {
        return deployment == Deployment.CLOUD
                ? ApiRequest.get(api + "/user/search").query("query", query).query("maxResults", 10).build()
                : ApiRequest.get(api + "/user/search").query("username", query).query("maxResults", 10).build();
    }

    public ApiRequest project(String key) {
        return ApiRequest.get(api + "/project/" + segment(key)).build();
    }

    public ApiRequest issueTypes() {
        return ApiRequest.get(api + "/issuetype").build();
    }

    public ApiRequest createIssueType(String name, String description) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("description", description).put("type", "standard");
        return ApiRequest.postCreate(api + "/issuetype").json(write(body)).build();
    }

    public ApiRequest fields() {
        return ApiRequest.get(api + "/field").build();
    }

    /**
     * @param type a custom field type key, e.g. {@code com.atlassian.jira.plugin.system.customfieldtypes:textarea}
     */
    public ApiRequest createField(String name, String description, String type, String searcherKey) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("description", description).put("type", type);
        if (searcherKey != null) body.put("searcherKey", searcherKey);
        return ApiRequest.postCreate(api + "/field").json(write(body)).build();
    }

    public ApiRequest screens() {
        return ApiRequest.get(api + "/screens").build();
    }

    public ApiRequest screenTabs(String screenId) {
        return ApiRequest.get(api + "/screens/" + segment(screenId) + "/tabs").build();
    }

    public ApiRequest screenTabFields(String screenId, String tabId) {
        return ApiRequest.get(api + "/screens/" + segment(screenId) + "/tabs/" + segment(tabId) + "/fields").build();
    }

    public ApiRequest addFieldToTab(String screenId, String tabId, String fieldId) {
        ObjectNode body = JSON.createObjectNode().put("fieldId", fieldId);
        return ApiRequest.postIdempotent(api + "/screens/" + segment(screenId) + "/tabs/" + segment(tabId) + "/fields").json(write(body)).build();
    }

    public ApiRequest linkTypes() {
        return ApiRequest.get(api + "/issueLinkType").build();
    }

    public ApiRequest createLinkType(String name, String inward, String outward) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("inward", inward).put("outward", outward);
        return ApiRequest.postCreate(api + "/issueLinkType").json(write(body)).build();
    }

    /** Filters by name: Cloud searches them; Data Center lists the account's favourite filters (new filters are favourites). */
    public ApiRequest findFilters(String name) {
        return deployment == Deployment.CLOUD
                ? ApiRequest.get(api + "/filter/search").query("filterName", name).query("expand", "jql").build()
                : ApiRequest.get(api + "/filter/favourite").build();
    }

    public ApiRequest createFilter(String name, String jql, String description) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("jql", jql).put("description", description).put("favourite", true);
        return ApiRequest.postCreate(api + "/filter").json(write(body)).build();
    }

    /** The issue payload shared by single and bulk create. */
    private ObjectNode issuePayload(NewIssue i) {
        ObjectNode issue = JSON.createObjectNode();
        ObjectNode fields = issue.putObject("fields");
        fields.putObject("project").put("key", i.project());
        ObjectNode type = fields.putObject("issuetype");
        if (i.issueType().matches("\\d+")) type.put("id", i.issueType());
        else type.put("name", i.issueType());
        fields.put("summary", i.summary());
        if (i.descriptionMarkdown() != null) fields.set("description", richText(i.descriptionMarkdown()));
        if (i.priority() != null) fields.putObject("priority").put("name", i.priority());
        if (i.assignee() != null) fields.set("assignee", user(i.assignee()));
        if (i.due() != null) fields.put("duedate", i.due().toString());
        if (!i.labels().isEmpty()) {
            ArrayNode labels = fields.putArray("labels");
            i.labels().forEach(labels::add);
        }
        i.fields().forEach((id, v) -> fields.set(id, value(v)));
        if (!i.links().isEmpty()) {
            ArrayNode links = issue.putObject("update").putArray("issuelinks");
            for (JiraModel.NewLink l : i.links()) {
                ObjectNode add = links.addObject().putObject("add");
                add.putObject("type").put("name", l.linkTypeName());
                add.putObject("outwardIssue").put("key", l.targetKey());
            }
        }
        if (!i.properties().isEmpty()) {
            ArrayNode props = issue.putArray("properties");
            for (Map.Entry<String, JiraModel.Property> p : i.properties().entrySet()) {
                ObjectNode prop = props.addObject().put("key", p.getKey());
                prop.set("value", JSON.valueToTree(p.getValue().values()));
            }
        }
        return issue;
    }

    /** Data Center names users by name, Cloud by account id. */
    private ObjectNode user(String id) {
        return deployment == Deployment.CLOUD ? JSON.createObjectNode().put("accountId", id) : JSON.createObjectNode().put("name", id);
    }

    /** Markdown as the flavour's rich text: a wiki markup string, or an ADF document. */
    JsonNode richText(String markdown) {
        if (deployment == Deployment.DATA_CENTER) return JSON.getNodeFactory().textNode(PostMortemRenderer.fieldText(PostMortemRenderer.Format.WIKI, markdown));
        try {
            return JSON.readTree(PostMortemRenderer.fieldText(PostMortemRenderer.Format.ADF, markdown));
        } catch (Exception e) {
            throw new IllegalStateException("ADF rendering produced invalid JSON", e);
        }
    }

    private JsonNode value(FieldValue v) {
        if (v instanceof JiraModel.Text t) return JSON.getNodeFactory().textNode(t.value());
        if (v instanceof JiraModel.RichText r) return richText(r.markdown());
        if (v instanceof JiraModel.Option o) return JSON.createObjectNode().put("value", o.value());
        if (v instanceof JiraModel.Options os) {
            ArrayNode a = JSON.createArrayNode();
            os.values().forEach(x -> a.addObject().put("value", x));
            return a;
        }
        if (v instanceof JiraModel.DateTime d) return JSON.getNodeFactory().textNode(d.iso());
        if (v instanceof JiraModel.Number n) return JSON.getNodeFactory().numberNode(n.value());
        return JSON.getNodeFactory().textNode(((JiraModel.Raw) v).text());
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
