package io.hindsight.atlassian.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.http.ErrorBody;
import io.hindsight.atlassian.jira.JiraModel.Deployment;
import io.hindsight.atlassian.jira.JiraModel.FieldValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Jira's JSON responses into {@link JiraModel} values. One method per response type. */
public final class JiraParsers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JiraParsers() {
    }

    static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("Jira sent a response that is not JSON: " + (body.length() > 120 ? body.substring(0, 120) + "…" : body), e);
        }
    }

    public static JiraModel.ServerInfo serverInfo(String body) {
        JsonNode n = tree(body);
        Deployment d = "Cloud".equalsIgnoreCase(n.path("deploymentType").asText()) ? Deployment.CLOUD : Deployment.DATA_CENTER;
        return new JiraModel.ServerInfo(n.path("baseUrl").asText(), n.path("version").asText(), d, n.path("serverTitle").asText());
    }

    public static JiraModel.Issue issue(String body) {
        return issue(tree(body));
    }

    static JiraModel.Issue issue(JsonNode n) {
        JsonNode f = n.path("fields");
        List<String> labels = new ArrayList<>();
        f.path("labels").forEach(l -> labels.add(l.asText()));
        List<JiraModel.Link> links = new ArrayList<>();
        for (JsonNode l : f.path("issuelinks")) {
            JsonNode type = l.path("type");
            boolean outward = l.has("outwardIssue");
            String other = (outward ? l.path("outwardIssue") : l.path("inwardIssue")).path("key").asText();
            links.add(new JiraModel.Link(l.path("id").asText(), type.path("name").asText(),
                    outward ? type.path("outward").asText() : type.path("inward").asText(), outward, other));
        }
        Map<String, FieldValue> custom = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("customfield_") && !e.getValue().isNull()) custom.put(e.getKey(), value(e.getValue()));
        }
        Map<String, JiraModel.Property> props = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            props.put(e.getKey(), property(e.getValue()));
        }
        JsonNode status = f.path("status");
        String due = f.path("duedate").asText("");
        return new JiraModel.Issue(n.path("id").asText(), n.path("key").asText(), f.path("summary").asText(null),
                f.path("issuetype").path("name").asText(null), f.path("issuetype").path("id").asText(null), f.path("project").path("key").asText(null),
                status.path("name").asText(null), JiraModel.StatusCategory.fromKey(status.path("statusCategory").path("key").asText()),
                f.path("priority").path("name").asText(null), user(f.path("assignee")),
                due.isEmpty() ? null : LocalDate.parse(due.substring(0, 10)), labels, links, custom, props);
    }

    static JiraModel.User user(JsonNode u) {
        if (u == null || u.isMissingNode() || u.isNull()) return null;
        String id = u.hasNonNull("accountId") ? u.get("accountId").asText() : u.path("name").asText(u.path("key").asText());
        return new JiraModel.User(id, u.path("displayName").asText(id), u.path("emailAddress").asText(null));
    }

    static FieldValue value(JsonNode v) {
        if (v.isTextual()) return new JiraModel.Text(v.asText());
        if (v.isNumber()) return new JiraModel.Number(v.asDouble());
        if (v.isObject() && "doc".equals(v.path("type").asText())) return new JiraModel.RichText(AdfText.toMarkdown(v));
        if (v.isObject() && v.has("value")) return new JiraModel.Option(v.get("value").asText());
        if (v.isArray() && v.size() > 0 && v.get(0).has("value")) {
            List<String> values = new ArrayList<>();
            v.forEach(o -> values.add(o.path("value").asText()));
            return new JiraModel.Options(values);
        }
        return new JiraModel.Raw(v.toString());
    }

    /**
     * A field value as Jira gives it back after it was written: rich text goes to Cloud as ADF and comes back
     * through the ADF reader; everything else comes back as sent. Lets a writer know what a read would return
     * without reading.
     */
    public static FieldValue asReadBack(FieldValue sent, Deployment deployment) {
        if (sent instanceof JiraModel.RichText r && deployment == Deployment.CLOUD) {
            return new JiraModel.RichText(AdfText.toMarkdown(new JiraRequests(deployment).richText(r.markdown())));
        }
        return sent;
    }

    public static JiraModel.Property property(JsonNode value) {
        Map<String, String> values = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return new JiraModel.Property(values);
    }

    /** GET .../properties/{key} answers {"key":..., "value":{...}}. */
    public static JiraModel.Property propertyResponse(String body) {
        return property(tree(body).path("value"));
    }

    /** One page of a search: the issues and the cursor for the next page, or null on the last one. */
    public record SearchPage(List<JiraModel.Issue> issues, String next) {
    }

    public static SearchPage searchPage(String body, Deployment deployment) {
        JsonNode n = tree(body);
        List<JiraModel.Issue> issues = new ArrayList<>();
        n.path("issues").forEach(i -> issues.add(issue(i)));
        if (deployment == Deployment.CLOUD) {
            String token = n.path("nextPageToken").asText(null);
            boolean last = n.path("isLast").asBoolean(token == null);
            return new SearchPage(issues, last ? null : token);
        }
        int startAt = n.path("startAt").asInt(0);
        int total = n.path("total").asInt(0);
        int next = startAt + issues.size();
        return new SearchPage(issues, issues.isEmpty() || next >= total ? null : String.valueOf(next));
    }

    public static JiraModel.IssueRef created(String body) {
        JsonNode n = tree(body);
        return new JiraModel.IssueRef(n.path("id").asText(), n.path("key").asText());
    }

    public static JiraModel.BulkResult bulk(String body) {
        JsonNode n = tree(body);
        List<JiraModel.IssueRef> created = new ArrayList<>();
        n.path("issues").forEach(i -> created.add(new JiraModel.IssueRef(i.path("id").asText(), i.path("key").asText())));
        List<JiraModel.BulkError> errors = new ArrayList<>();
        for (JsonNode e : n.path("errors")) {
            ErrorBody body2 = ErrorBody.parse(e.path("elementErrors").toString());
            errors.add(new JiraModel.BulkError(e.path("failedElementNumber").asInt(), body2.summary()));
        }
        return new JiraModel.BulkResult(created, errors);
    }

    public static List<JiraModel.Transition> transitions(String body) {
        List<JiraModel.Transition> out = new ArrayList<>();
        for (JsonNode t : tree(body).path("transitions")) {
            JsonNode to = t.path("to");
            out.add(new JiraModel.Transition(t.path("id").asText(), t.path("name").asText(), to.path("name").asText(),
                    JiraModel.StatusCategory.fromKey(to.path("statusCategory").path("key").asText())));
        }
        return out;
    }

    public static List<JiraModel.User> users(String body) {
        List<JiraModel.User> out = new ArrayList<>();
        tree(body).forEach(u -> out.add(user(u)));
        return out;
    }

    public static List<JiraModel.FieldInfo> fields(String body) {
        List<JiraModel.FieldInfo> out = new ArrayList<>();
        for (JsonNode f : tree(body)) {
            out.add(new JiraModel.FieldInfo(f.path("id").asText(), f.path("name").asText(), f.path("custom").asBoolean(),
                    f.path("schema").path("type").asText(null), f.path("schema").path("custom").asText(null)));
        }
        return out;
    }

    public static JiraModel.FieldInfo createdField(String body) {
        JsonNode f = tree(body);
        return new JiraModel.FieldInfo(f.path("id").asText(), f.path("name").asText(), true,
                f.path("schema").path("type").asText(null), f.path("schema").path("custom").asText(null));
    }

    public static List<JiraModel.IssueTypeInfo> issueTypes(String body) {
        List<JiraModel.IssueTypeInfo> out = new ArrayList<>();
        tree(body).forEach(t -> out.add(issueType(t)));
        return out;
    }

    public static JiraModel.IssueTypeInfo issueType(String body) {
        return issueType(tree(body));
    }

    private static JiraModel.IssueTypeInfo issueType(JsonNode t) {
        return new JiraModel.IssueTypeInfo(t.path("id").asText(), t.path("name").asText(), t.path("subtask").asBoolean());
    }

    public static List<JiraModel.LinkTypeInfo> linkTypes(String body) {
        List<JiraModel.LinkTypeInfo> out = new ArrayList<>();
        tree(body).path("issueLinkTypes").forEach(t -> out.add(linkType(t)));
        return out;
    }

    public static JiraModel.LinkTypeInfo linkType(String body) {
        return linkType(tree(body));
    }

    private static JiraModel.LinkTypeInfo linkType(JsonNode t) {
        return new JiraModel.LinkTypeInfo(t.path("id").asText(), t.path("name").asText(), t.path("inward").asText(), t.path("outward").asText());
    }

    public static List<JiraModel.FilterInfo> filters(String body) {
        JsonNode n = tree(body);
        JsonNode list = n.isArray() ? n : n.path("values");
        List<JiraModel.FilterInfo> out = new ArrayList<>();
        list.forEach(f -> out.add(filter(f)));
        return out;
    }

    public static JiraModel.FilterInfo filter(String body) {
        return filter(tree(body));
    }

    private static JiraModel.FilterInfo filter(JsonNode f) {
        return new JiraModel.FilterInfo(f.path("id").asText(), f.path("name").asText(), f.path("jql").asText(null));
    }

    public static List<JiraModel.Screen> screens(String body) {
        JsonNode n = tree(body);
        JsonNode list = n.isArray() ? n : n.path("values");
        List<JiraModel.Screen> out = new ArrayList<>();
        list.forEach(s -> out.add(new JiraModel.Screen(s.path("id").asText(), s.path("name").asText())));
        return out;
    }

    public static List<JiraModel.ScreenTab> tabs(String body) {
        List<JiraModel.ScreenTab> out = new ArrayList<>();
        tree(body).forEach(t -> out.add(new JiraModel.ScreenTab(t.path("id").asText(), t.path("name").asText())));
        return out;
    }

    public static List<String> tabFieldIds(String body) {
        List<String> out = new ArrayList<>();
        tree(body).forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    public static JiraModel.ProjectInfo project(String body) {
        JsonNode p = tree(body);
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        p.path("issueTypes").forEach(t -> {
            types.add(t.path("id").asText());
            names.add(t.path("name").asText());
        });
        return new JiraModel.ProjectInfo(p.path("id").asText(), p.path("key").asText(), p.path("name").asText(), types, names);
    }

    /** One page of an issue's comments, with their properties ({@code expand=properties}). */
    public static List<JiraModel.Comment> comments(String body) {
        List<JiraModel.Comment> out = new ArrayList<>();
        for (JsonNode c : tree(body).path("comments")) {
            Map<String, JiraModel.Property> props = new LinkedHashMap<>();
            for (JsonNode p : c.path("properties")) props.put(p.path("key").asText(), property(p.path("value")));
            out.add(new JiraModel.Comment(c.path("id").asText(), props));
        }
        return out;
    }
}
