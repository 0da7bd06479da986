package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issues and their comments: get, create (one or 50 in bulk, links and properties inline), edit, delete.
 * Validation and error bodies follow Jira's: required fields, fields not on the screen, unknown users.
 */
final class IssueResource {
    private static final Set<String> SYSTEM_FIELDS = Set.of("summary", "description", "issuetype", "project", "priority", "assignee",
            "duedate", "labels", "reporter", "environment", "components", "fixVersions");

    private final JiraState state;
    private final JiraJson json;
    private final Flavor flavor;
    private final Clock clock;
    private final JiraApi.Events events;

    IssueResource(JiraJson json, Clock clock, JiraApi.Events events) {
        this.state = json.state;
        this.json = json;
        this.flavor = json.flavor;
        this.clock = clock;
        this.events = events;
    }

    void routes(Route on) {
        String api = json.api;
        on.add("GET", api + "/issue/{key}", this::getIssue);
        on.add("PUT", api + "/issue/{key}", this::editIssue);
        on.add("DELETE", api + "/issue/{key}", this::deleteIssue);
        on.add("POST", api + "/issue", this::createIssue);
        on.add("POST", api + "/issue/bulk", this::bulkCreate);
        on.add("GET", api + "/issue/{key}/comment", this::comments);
        on.add("POST", api + "/issue/{key}/comment", this::addComment);
    }

    private void getIssue(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = json.issueOr404(ex.param(0));
            ex.ok(json.issue(i, JiraJson.list(ex.query("fields")), JiraJson.list(ex.query("properties"))));
        }
    }

    private void createIssue(Exchange ex) {
        JiraState.Issue created;
        synchronized (state) {
            created = create(ex.json(), ex.user());
            ex.respond(201, Exchange.object().put("id", created.id).put("key", created.key).put("self", json.baseUrl + json.api + "/issue/" + created.id));
        }
        events.issueCreated(created, ex.user());
    }

    private void bulkCreate(Exchange ex) {
        List<JiraState.Issue> created = new ArrayList<>();
        ObjectNode body = Exchange.object();
        synchronized (state) {
            ArrayNode issues = body.putArray("issues");
            ArrayNode errors = body.putArray("errors");
            JsonNode updates = ex.json().path("issueUpdates");
            if (updates.size() > 50) throw new SandboxError(400, "The number of issues to create (" + updates.size() + ") exceeds the limit of 50.");
            int n = 0;
            for (JsonNode u : updates) {
                try {
                    JiraState.Issue i = create(u, ex.user());
                    created.add(i);
                    issues.addObject().put("id", i.id).put("key", i.key).put("self", json.baseUrl + json.api + "/issue/" + i.id);
                } catch (SandboxError e) {
                    ObjectNode err = errors.addObject().put("status", e.status());
                    err.set("elementErrors", e.jiraBody());
                    err.put("failedElementNumber", n);
                }
                n++;
            }
            ex.respond(created.isEmpty() && !updates.isEmpty() ? 400 : 201, body);
        }
        created.forEach(i -> events.issueCreated(i, ex.user()));
    }

    /** Validates and creates one issue, its links and properties; nothing is created when anything is wrong. */
    private JiraState.Issue create(JsonNode payload, String user) {
        JsonNode f = payload.path("fields");
        Map<String, String> errors = new LinkedHashMap<>();
        String projectKey = f.path("project").path("key").asText(null);
        if (projectKey == null && f.path("project").has("id")) {
            String id = f.path("project").path("id").asText();
            projectKey = state.projects.values().stream().filter(p -> p.id().equals(id)).map(JiraState.Project::key).findFirst().orElse(null);
        }
        if (projectKey == null || !state.projects.containsKey(projectKey)) errors.put("project", "project is required");
        JsonNode typeNode = f.path("issuetype");
        String typeRef = typeNode.has("id") ? typeNode.path("id").asText() : typeNode.path("name").asText("");
        var type = state.issueTypeByIdOrName(typeRef);
        if (type.isEmpty()) errors.put("issuetype", "valid issue type is required");
        if (f.path("summary").asText("").isBlank()) errors.put("summary", "You must specify a summary of the issue.");
        validateFields(f, errors, true);
        for (JsonNode l : payload.path("update").path("issuelinks")) {
            JsonNode add = l.path("add");
            if (state.linkTypeByName(add.path("type").path("name").asText()).isEmpty()) {
                errors.put("issuelinks", "No issue link type with name '" + add.path("type").path("name").asText() + "' found.");
            }
            String target = add.has("outwardIssue") ? add.path("outwardIssue").path("key").asText() : add.path("inwardIssue").path("key").asText();
            if (state.issue(target).isEmpty()) errors.put("issuelinks", "Issue '" + target + "' does not exist.");
        }
        if (!errors.isEmpty()) throw new SandboxError(400, "", errors);
        ObjectNode fields = ((ObjectNode) f).deepCopy();
        fields.remove("project");
        fields.remove("issuetype");
        Instant now = clock.instant();
        JiraState.Issue i = state.addIssue(projectKey, type.get().id(), fields, now);
        for (JsonNode l : payload.path("update").path("issuelinks")) {
            JsonNode add = l.path("add");
            JiraState.LinkType t = state.linkTypeByName(add.path("type").path("name").asText()).orElseThrow();
            if (add.has("outwardIssue")) state.links.add(new JiraState.Link(state.nextId(), t.id(), i.key, state.issue(add.path("outwardIssue").path("key").asText()).orElseThrow().key));
            else state.links.add(new JiraState.Link(state.nextId(), t.id(), state.issue(add.path("inwardIssue").path("key").asText()).orElseThrow().key, i.key));
        }
        for (JsonNode p : payload.path("properties")) i.properties.put(p.path("key").asText(), p.path("value"));
        return i;
    }

    /** Jira's checks on field values: on the screen, right shape for the flavour, known users and priorities. */
    private void validateFields(JsonNode f, Map<String, String> errors, boolean create) {
        List<String> onScreen = state.screenFields.values().stream().flatMap(List::stream).toList();
        for (Iterator<String> it = f.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals("project") || name.equals("issuetype")) continue;
            boolean known = SYSTEM_FIELDS.contains(name) || state.fields.containsKey(name);
            if (!known || (name.startsWith("customfield_") && !onScreen.contains(name))) {
                errors.put(name, "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        }
        JsonNode d = f.get("description");
        if (d != null && !d.isNull()) {
            if (flavor == Flavor.CLOUD && !(d.isObject() && "doc".equals(d.path("type").asText()))) errors.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
            if (flavor == Flavor.DATA_CENTER && !d.isTextual()) errors.put("description", "Operation value must be a string");
        }
        JsonNode a = f.get("assignee");
        if (a != null && !a.isNull()) {
            String who = flavor == Flavor.CLOUD ? a.path("accountId").asText("") : a.path("name").asText("");
            if (state.userByIdOrName(who).isEmpty()) errors.put("assignee", "User '" + who + "' does not exist.");
        }
        JsonNode p = f.get("priority");
        if (p != null && !p.isNull() && !Set.of("Highest", "High", "Medium", "Low", "Lowest").contains(p.path("name").asText())) {
            errors.put("priority", "The priority selected is invalid.");
        }
        JsonNode due = f.get("duedate");
        if (due != null && !due.isNull()) {
            try {
                LocalDate.parse(due.asText());
            } catch (Exception e) {
                errors.put("duedate", "Error parsing date string: " + due.asText());
            }
        }
    }

    private void editIssue(Exchange ex) {
        JiraState.Issue i;
        List<String> changed = new ArrayList<>();
        synchronized (state) {
            i = json.issueOr404(ex.param(0));
            JsonNode f = ex.json().path("fields");
            Map<String, String> errors = new LinkedHashMap<>();
            validateFields(f, errors, false);
            if (!errors.isEmpty()) throw new SandboxError(400, "", errors);
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().equals(i.fields.get(e.getKey()))) changed.add(e.getKey());
                i.fields.set(e.getKey(), e.getValue());
            }
            // Jira's "update" verbs for labels: add and remove keep the labels the request does not name
            List<String> labels = new ArrayList<>(i.labels());
            for (JsonNode op : ex.json().path("update").path("labels")) {
                if (op.has("add") && !labels.contains(op.get("add").asText())) labels.add(op.get("add").asText());
                if (op.has("remove")) labels.remove(op.get("remove").asText());
            }
            if (!labels.equals(i.labels())) {
                ArrayNode l = i.fields.putArray("labels");
                labels.forEach(l::add);
                changed.add("labels");
            }
            i.updated = clock.instant();
        }
        ex.noContent();
        if (!changed.isEmpty()) events.issueUpdated(i, ex.user(), changed);
    }

    private void deleteIssue(Exchange ex) {
        JiraState.Issue i;
        synchronized (state) {
            i = json.issueOr404(ex.param(0));
            state.issuesByKey.remove(i.key);
            state.issuesById.remove(i.id);
            state.links.removeIf(l -> l.fromKey().equals(i.key) || l.toKey().equals(i.key));
        }
        ex.noContent();
        events.issueDeleted(i, ex.user());
    }

    /** A page of comments, oldest first or ({@code orderBy=-created}) newest first; {@code expand=properties} adds their properties. */
    private void comments(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = json.issueOr404(ex.param(0));
            List<JiraState.Comment> all = new ArrayList<>(i.comments);
            String order = ex.query("orderBy");
            if (order != null && !order.matches("[+-]?created")) throw new SandboxError(400, "Ordering by '" + order + "' is not supported: use created or -created.");
            if (order != null && order.startsWith("-")) java.util.Collections.reverse(all);
            int startAt = ex.queryInt("startAt", 0);
            int max = ex.queryInt("maxResults", 50);
            boolean properties = JiraJson.list(ex.query("expand")).contains("properties");
            List<JiraState.Comment> page = all.subList(Math.min(startAt, all.size()), Math.min(all.size(), startAt + max));
            ObjectNode body = Exchange.object().put("startAt", startAt).put("maxResults", max).put("total", all.size());
            ArrayNode a = body.putArray("comments");
            page.forEach(c -> a.add(json.comment(c, properties)));
            ex.ok(body);
        }
    }

    private void addComment(Exchange ex) {
        JiraState.Issue i;
        JiraState.Comment c;
        synchronized (state) {
            i = json.issueOr404(ex.param(0));
            JsonNode body = ex.json().path("body");
            if (flavor == Flavor.CLOUD && !(body.isObject() && "doc".equals(body.path("type").asText()))) {
                throw new SandboxError(400, "", Map.of("comment", "Comment body is not valid: expected an Atlassian Document."));
            }
            if (flavor == Flavor.DATA_CENTER && (!body.isTextual() || body.asText().isBlank())) throw new SandboxError(400, "", Map.of("comment", "Comment body can not be empty!"));
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            for (JsonNode p : ex.json().path("properties")) properties.put(p.path("key").asText(), p.path("value"));
            c = new JiraState.Comment(state.nextId(), body, ex.user(), clock.instant(), properties);
            i.comments.add(c);
            ex.respond(201, json.comment(c));
        }
        events.commentCreated(i, c, ex.user());
    }

}
