package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.SandboxError;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira's objects as its REST API writes them (issue, status, user, comment, issue type, link type), for
 * one flavour; every resource, the webhooks and the views answer with these shapes.
 */
public final class JiraJson {
    static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    final JiraState state;
    final Flavor flavor;
    final String baseUrl;
    /** {@code /rest/api/2} on Data Center, {@code /rest/api/3} on Cloud. */
    final String api;

    JiraJson(JiraState state, Flavor flavor, String baseUrl) {
        this.state = state;
        this.flavor = flavor;
        this.baseUrl = baseUrl;
        this.api = flavor == Flavor.CLOUD ? "/rest/api/3" : "/rest/api/2";
    }

    JiraState.Issue issueOr404(String key) {
        return state.issue(key).orElseThrow(() -> new SandboxError(404, "Issue does not exist or you do not have permission to see it."));
    }

    static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    /** An issue as Jira renders it; {@code fields} empty or "*all" means all fields. Callers hold the state's lock. */
    public ObjectNode issue(JiraState.Issue i, List<String> fields, List<String> properties) {
        ObjectNode n = Exchange.object().put("id", i.id).put("key", i.key).put("self", baseUrl + api + "/issue/" + i.id);
        ObjectNode f = n.putObject("fields");
        boolean all = fields.isEmpty() || fields.contains("*all") || fields.contains("*navigable");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("summary", i.fields.path("summary"));
        values.put("issuetype", issueType(state.issueTypes.get(i.issueTypeId)));
        JiraState.Project p = state.projects.get(i.projectKey);
        values.put("project", Exchange.object().put("id", p.id()).put("key", p.key()).put("name", p.name()));
        values.put("status", status(state.statuses.get(i.statusId)));
        values.put("priority", i.fields.has("priority") ? i.fields.get("priority") : null);
        values.put("assignee", assignee(i).map(this::user).orElse(null));
        values.put("duedate", i.fields.get("duedate"));
        values.put("labels", i.fields.has("labels") ? i.fields.get("labels") : Exchange.array());
        values.put("description", i.fields.get("description"));
        values.put("created", Exchange.JSON.getNodeFactory().textNode(JIRA_TIME.format(i.created)));
        values.put("updated", Exchange.JSON.getNodeFactory().textNode(JIRA_TIME.format(i.updated)));
        values.put("issuelinks", links(i));
        for (Iterator<Map.Entry<String, JsonNode>> it = i.fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("customfield_")) values.put(e.getKey(), e.getValue());
        }
        for (String cf : state.fields.keySet()) if (cf.startsWith("customfield_")) values.putIfAbsent(cf, null);
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            if (all || fields.contains(e.getKey())) {
                if (e.getValue() == null || e.getValue().isMissingNode()) f.putNull(e.getKey());
                else f.set(e.getKey(), e.getValue());
            }
        }
        if (!properties.isEmpty()) {
            ObjectNode props = n.putObject("properties");
            for (String key : properties) {
                if (i.properties.containsKey(key)) props.set(key, i.properties.get(key));
            }
        }
        return n;
    }

    /** The issue's assignee as a user of the site, if it has one. */
    public java.util.Optional<JiraState.User> assignee(JiraState.Issue i) {
        JsonNode a = i.fields.get("assignee");
        if (a == null || a.isNull()) return java.util.Optional.empty();
        return state.userByIdOrName(a.path("name").asText(a.path("accountId").asText()));
    }

    /** The issue's links as they appear in its {@code issuelinks} field: the other issue on the side it is on. */
    ArrayNode links(JiraState.Issue i) {
        ArrayNode a = Exchange.array();
        for (JiraState.Link l : state.links) {
            boolean from = l.fromKey().equals(i.key);
            if (!from && !l.toKey().equals(i.key)) continue;
            ObjectNode link = a.addObject().put("id", l.id()).put("self", baseUrl + api + "/issueLink/" + l.id());
            link.set("type", linkType(state.linkTypes.get(l.typeId())));
            link.set(from ? "outwardIssue" : "inwardIssue", linkedIssue(state.issuesByKey.get(from ? l.toKey() : l.fromKey())));
        }
        return a;
    }

    /** An issue as a link shows it: id, key and a few fields. */
    ObjectNode linkedIssue(JiraState.Issue other) {
        ObjectNode o = Exchange.object().put("id", other.id).put("key", other.key).put("self", baseUrl + api + "/issue/" + other.id);
        ObjectNode of = o.putObject("fields");
        of.set("summary", other.fields.path("summary"));
        of.set("status", status(state.statuses.get(other.statusId)));
        of.set("issuetype", issueType(state.issueTypes.get(other.issueTypeId)));
        if (other.fields.has("priority")) of.set("priority", other.fields.get("priority"));
        return o;
    }

    public ObjectNode user(JiraState.User u) {
        ObjectNode n = Exchange.object();
        if (flavor == Flavor.CLOUD) {
            n.put("self", baseUrl + api + "/user?accountId=" + u.accountId()).put("accountId", u.accountId()).put("accountType", "atlassian");
        } else {
            n.put("self", baseUrl + api + "/user?username=" + u.name()).put("name", u.name()).put("key", u.name()).put("emailAddress", u.email());
        }
        return n.put("displayName", u.displayName()).put("active", true);
    }

    public ObjectNode comment(JiraState.Comment c) {
        return comment(c, false);
    }

    /** @param properties whether to include its entity properties ({@code expand=properties}) */
    public ObjectNode comment(JiraState.Comment c, boolean properties) {
        ObjectNode n = Exchange.object().put("id", c.id());
        n.set("author", state.userByIdOrName(c.author()).map(this::user).orElse(null));
        n.set("body", c.body());
        n.put("created", JIRA_TIME.format(c.created())).put("updated", JIRA_TIME.format(c.created()));
        if (properties) {
            com.fasterxml.jackson.databind.node.ArrayNode a = n.putArray("properties");
            c.properties().forEach((k, v) -> a.addObject().put("key", k).set("value", v));
        }
        return n;
    }

    public ObjectNode status(JiraState.Status s) {
        ObjectNode n = Exchange.object().put("self", baseUrl + api + "/status/" + s.id()).put("description", "").put("iconUrl", baseUrl + "/images/status.png")
                .put("name", s.name()).put("id", s.id());
        n.putObject("statusCategory").put("self", baseUrl + api + "/statuscategory/" + s.categoryId()).put("id", s.categoryId())
                .put("key", s.categoryKey()).put("colorName", s.categoryKey().equals("done") ? "green" : s.categoryKey().equals("new") ? "blue-gray" : "yellow")
                .put("name", s.categoryName());
        return n;
    }

    ObjectNode issueType(JiraState.IssueType t) {
        return Exchange.object().put("self", baseUrl + api + "/issuetype/" + t.id()).put("id", t.id()).put("description", "")
                .put("name", t.name()).put("subtask", t.subtask());
    }

    ObjectNode linkType(JiraState.LinkType t) {
        return Exchange.object().put("id", t.id()).put("name", t.name()).put("inward", t.inward()).put("outward", t.outward())
                .put("self", baseUrl + api + "/issueLinkType/" + t.id());
    }

    void requireAdmin(Exchange ex) {
        if (!state.userByIdOrName(ex.user()).map(JiraState.User::admin).orElse(false)) {
            throw new SandboxError(403, "You are not authorized to perform this operation. Please log in as a Jira administrator.");
        }
    }
}
