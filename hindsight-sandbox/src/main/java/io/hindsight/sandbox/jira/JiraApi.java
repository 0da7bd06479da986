package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.Exchange;
import io.hindsight.sandbox.Flavor;
import io.hindsight.sandbox.SandboxError;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Jira REST endpoints the sandbox serves, for one flavour. Bodies are built as Jira builds them;
 * validation and error bodies follow Jira's (required fields, fields not on the screen, unknown users).
 */
public final class JiraApi {
    /** Told about every change, to send webhooks. */
    public interface Events {
        void issueCreated(JiraState.Issue issue, String user);

        void issueUpdated(JiraState.Issue issue, String user, List<String> changedFields);

        void commentCreated(JiraState.Issue issue, JiraState.Comment comment, String user);

        void issueDeleted(JiraState.Issue issue, String user);
    }

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final Set<String> SYSTEM_FIELDS = Set.of("summary", "description", "issuetype", "project", "priority", "assignee",
            "duedate", "labels", "reporter", "environment", "components", "fixVersions");

    private final JiraState state;
    private final Flavor flavor;
    private final Clock clock;
    private final String baseUrl;
    private final Events events;
    public final String api;

    /** The state behind the API; lock it while reading. */
    public JiraState state() {
        return state;
    }

    public JiraApi(JiraState state, Flavor flavor, Clock clock, String baseUrl, Events events) {
        this.state = state;
        this.flavor = flavor;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.events = events;
        this.api = flavor == Flavor.CLOUD ? "/rest/api/3" : "/rest/api/2";
    }

    /** Registers the routes: {@code on.accept(method, path, handler)}. */
    public void routes(Route on) {
        on.add("GET", "/rest/api/2/serverInfo", this::serverInfo);
        if (flavor == Flavor.CLOUD) on.add("GET", "/rest/api/3/serverInfo", this::serverInfo);
        on.add("GET", api + "/myself", ex -> ex.ok(user(state.userByIdOrName(ex.user()).orElseThrow())));
        on.add("GET", api + "/issue/{key}", this::getIssue);
        on.add("PUT", api + "/issue/{key}", this::editIssue);
        on.add("DELETE", api + "/issue/{key}", this::deleteIssue);
        on.add("POST", api + "/issue", this::createIssue);
        on.add("POST", api + "/issue/bulk", this::bulkCreate);
        on.add("GET", api + "/issue/{key}/comment", this::comments);
        on.add("POST", api + "/issue/{key}/comment", this::addComment);
        on.add("GET", api + "/issue/{key}/transitions", this::transitions);
        on.add("POST", api + "/issue/{key}/transitions", this::transition);
        on.add("GET", api + "/issue/{key}/properties/{prop}", this::getProperty);
        on.add("PUT", api + "/issue/{key}/properties/{prop}", this::setProperty);
        if (flavor == Flavor.CLOUD) {
            on.add("POST", api + "/search/jql", this::search);
            on.add("GET", api + "/search/jql", this::search);
            // Atlassian removed the old Cloud search; it answers 410 Gone
            on.add("POST", api + "/search", ex -> {
                throw new SandboxError(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
            });
            on.add("GET", api + "/search", ex -> {
                throw new SandboxError(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
            });
        } else {
            on.add("POST", api + "/search", this::search);
            on.add("GET", api + "/search", this::search);
        }
        on.add("GET", api + "/user/search", this::findUsers);
        on.add("GET", api + "/project/{key}", this::project);
        on.add("GET", api + "/issuetype", ex -> {
            ArrayNode a = Exchange.array();
            state.issueTypes.values().forEach(t -> a.add(issueType(t)));
            ex.ok(a);
        });
        on.add("POST", api + "/issuetype", this::createIssueType);
        on.add("GET", api + "/field", this::fields);
        on.add("POST", api + "/field", this::createField);
        on.add("GET", api + "/screens", this::screens);
        on.add("GET", api + "/screens/{id}/tabs", this::tabs);
        on.add("GET", api + "/screens/{id}/tabs/{tab}/fields", this::tabFields);
        on.add("POST", api + "/screens/{id}/tabs/{tab}/fields", this::addTabField);
        on.add("GET", api + "/issueLinkType", ex -> {
            ObjectNode body = Exchange.object();
            ArrayNode a = body.putArray("issueLinkTypes");
            state.linkTypes.values().forEach(t -> a.add(linkType(t)));
            ex.ok(body);
        });
        on.add("POST", api + "/issueLinkType", this::createLinkType);
        on.add("GET", api + "/filter/favourite", ex -> {
            ArrayNode a = Exchange.array();
            state.filters.values().stream().filter(f -> f.owner().equals(ex.user())).forEach(f -> a.add(filter(f)));
            ex.ok(a);
        });
        if (flavor == Flavor.CLOUD) on.add("GET", api + "/filter/search", this::searchFilters);
        on.add("POST", api + "/filter", this::createFilter);
        on.add("GET", "/rest/agile/1.0/board", this::boards);
        on.add("POST", "/rest/agile/1.0/board", this::createBoard);
        on.add("GET", "/rest/agile/1.0/board/{id}/issue", this::boardIssues);
    }

    /** Route registration, decoupled from the server's router. */
    public interface Route {
        void add(String method, String path, Consumer<Exchange> handler);
    }

    private void serverInfo(Exchange ex) {
        Instant now = clock.instant();
        ObjectNode n = Exchange.object().put("baseUrl", baseUrl).put("version", flavor == Flavor.CLOUD ? "1001.0.0-SNAPSHOT" : "10.3.4");
        ArrayNode v = n.putArray("versionNumbers");
        if (flavor == Flavor.CLOUD) v.add(1001).add(0).add(0);
        else v.add(10).add(3).add(4);
        n.put("deploymentType", flavor == Flavor.CLOUD ? "Cloud" : "Server").put("buildNumber", 100000)
                .put("buildDate", JIRA_TIME.format(now)).put("serverTime", JIRA_TIME.format(now))
                .put("scmInfo", "sandbox").put("serverTitle", "Hindsight sandbox (not a Jira)");
        ex.ok(n);
    }

    // ---- issues ----------------------------------------------------------------------------------

    private JiraState.Issue issueOr404(String key) {
        return state.issue(key).orElseThrow(() -> new SandboxError(404, "Issue does not exist or you do not have permission to see it."));
    }

    private void getIssue(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = issueOr404(ex.param(0));
            ex.ok(issueJson(i, list(ex.query("fields")), list(ex.query("properties"))));
        }
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    /** An issue as Jira renders it; {@code fields} empty or "*all" means all fields. */
    public ObjectNode issueJson(JiraState.Issue i, List<String> fields, List<String> properties) {
        ObjectNode n = Exchange.object().put("id", i.id).put("key", i.key).put("self", baseUrl + api + "/issue/" + i.id);
        ObjectNode f = n.putObject("fields");
        boolean all = fields.isEmpty() || fields.contains("*all") || fields.contains("*navigable");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("summary", i.fields.path("summary"));
        JiraState.IssueType t = state.issueTypes.get(i.issueTypeId);
        values.put("issuetype", issueType(t));
        JiraState.Project p = state.projects.get(i.projectKey);
        values.put("project", Exchange.object().put("id", p.id()).put("key", p.key()).put("name", p.name()));
        values.put("status", status(state.statuses.get(i.statusId)));
        values.put("priority", i.fields.has("priority") ? i.fields.get("priority") : null);
        JsonNode assignee = i.fields.get("assignee");
        values.put("assignee", assignee == null || assignee.isNull() ? null
                : state.userByIdOrName(assignee.path("name").asText(assignee.path("accountId").asText())).map(this::user).orElse(null));
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

    private ArrayNode links(JiraState.Issue i) {
        ArrayNode a = Exchange.array();
        for (JiraState.Link l : state.links) {
            JiraState.LinkType t = state.linkTypes.get(l.typeId());
            boolean from = l.fromKey().equals(i.key);
            if (!from && !l.toKey().equals(i.key)) continue;
            ObjectNode link = a.addObject().put("id", l.id());
            link.set("type", linkType(t));
            JiraState.Issue other = state.issuesByKey.get(from ? l.toKey() : l.fromKey());
            ObjectNode o = link.putObject(from ? "outwardIssue" : "inwardIssue").put("id", other.id).put("key", other.key);
            ObjectNode of = o.putObject("fields");
            of.set("summary", other.fields.path("summary"));
            of.set("status", status(state.statuses.get(other.statusId)));
        }
        return a;
    }

    private void createIssue(Exchange ex) {
        JiraState.Issue created;
        synchronized (state) {
            created = create(ex.json(), ex.user());
            ex.respond(201, Exchange.object().put("id", created.id).put("key", created.key).put("self", baseUrl + api + "/issue/" + created.id));
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
                    issues.addObject().put("id", i.id).put("key", i.key).put("self", baseUrl + api + "/issue/" + i.id);
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
            i = issueOr404(ex.param(0));
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
            i = issueOr404(ex.param(0));
            state.issuesByKey.remove(i.key);
            state.issuesById.remove(i.id);
            state.links.removeIf(l -> l.fromKey().equals(i.key) || l.toKey().equals(i.key));
        }
        ex.noContent();
        events.issueDeleted(i, ex.user());
    }

    private void comments(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = issueOr404(ex.param(0));
            ObjectNode body = Exchange.object().put("startAt", 0).put("maxResults", i.comments.size()).put("total", i.comments.size());
            ArrayNode a = body.putArray("comments");
            i.comments.forEach(c -> a.add(comment(c)));
            ex.ok(body);
        }
    }

    private void addComment(Exchange ex) {
        JiraState.Issue i;
        JiraState.Comment c;
        synchronized (state) {
            i = issueOr404(ex.param(0));
            JsonNode body = ex.json().path("body");
            if (flavor == Flavor.CLOUD && !(body.isObject() && "doc".equals(body.path("type").asText()))) {
                throw new SandboxError(400, "", Map.of("comment", "Comment body is not valid: expected an Atlassian Document."));
            }
            if (flavor == Flavor.DATA_CENTER && (!body.isTextual() || body.asText().isBlank())) throw new SandboxError(400, "", Map.of("comment", "Comment body can not be empty!"));
            c = new JiraState.Comment(state.nextId(), body, ex.user(), clock.instant());
            i.comments.add(c);
            ex.respond(201, comment(c));
        }
        events.commentCreated(i, c, ex.user());
    }

    public ObjectNode comment(JiraState.Comment c) {
        ObjectNode n = Exchange.object().put("id", c.id());
        n.set("author", state.userByIdOrName(c.author()).map(this::user).orElse(null));
        n.set("body", c.body());
        return n.put("created", JIRA_TIME.format(c.created())).put("updated", JIRA_TIME.format(c.created()));
    }

    private void transitions(Exchange ex) {
        synchronized (state) {
            issueOr404(ex.param(0));
            ObjectNode body = Exchange.object().put("expand", "transitions");
            ArrayNode a = body.putArray("transitions");
            for (JiraState.Transition t : state.transitions) {
                ObjectNode n = a.addObject().put("id", t.id()).put("name", t.name());
                n.set("to", status(state.statuses.get(t.toStatusId())));
            }
            ex.ok(body);
        }
    }

    private void transition(Exchange ex) {
        JiraState.Issue i;
        synchronized (state) {
            i = issueOr404(ex.param(0));
            String id = ex.json().path("transition").path("id").asText();
            JiraState.Transition t = state.transitions.stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new SandboxError(400, "Transition id '" + id + "' is not valid for this issue."));
            i.statusId = t.toStatusId();
            i.updated = clock.instant();
        }
        ex.noContent();
        events.issueUpdated(i, ex.user(), List.of("status"));
    }

    private void getProperty(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = issueOr404(ex.param(0));
            JsonNode v = i.properties.get(ex.param(1));
            if (v == null) throw new SandboxError(404, "The property with key '" + ex.param(1) + "' does not exist.");
            ObjectNode n = Exchange.object().put("key", ex.param(1));
            n.set("value", v);
            ex.ok(n);
        }
    }

    private void setProperty(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = issueOr404(ex.param(0));
            boolean existed = i.properties.containsKey(ex.param(1));
            i.properties.put(ex.param(1), ex.json());
            ex.respond(existed ? 200 : 201, null);
        }
    }

    // ---- search ----------------------------------------------------------------------------------

    private void search(Exchange ex) {
        String jql;
        int max;
        int startAt;
        List<String> fields;
        List<String> properties;
        if (ex.method().equals("POST")) {
            JsonNode b = ex.json();
            jql = b.path("jql").asText("");
            max = b.path("maxResults").asInt(50);
            startAt = flavor == Flavor.CLOUD ? decodeToken(b.path("nextPageToken").asText(null)) : b.path("startAt").asInt(0);
            fields = new ArrayList<>();
            b.path("fields").forEach(x -> fields.add(x.asText()));
            properties = new ArrayList<>();
            b.path("properties").forEach(x -> properties.add(x.asText()));
        } else {
            jql = ex.query("jql") == null ? "" : ex.query("jql");
            max = ex.queryInt("maxResults", 50);
            startAt = flavor == Flavor.CLOUD ? decodeToken(ex.query("nextPageToken")) : ex.queryInt("startAt", 0);
            fields = list(ex.query("fields"));
            properties = list(ex.query("properties"));
        }
        max = Math.max(0, Math.min(max, flavor == Flavor.CLOUD ? 5000 : 1000));
        synchronized (state) {
            List<JiraState.Issue> hits = search(jql);
            ObjectNode body = Exchange.object();
            List<JiraState.Issue> page = hits.subList(Math.min(startAt, hits.size()), Math.min(hits.size(), startAt + max));
            if (flavor == Flavor.DATA_CENTER) body.put("expand", "schema,names").put("startAt", startAt).put("maxResults", max).put("total", hits.size());
            ArrayNode issues = body.putArray("issues");
            for (JiraState.Issue i : page) issues.add(issueJson(i, fields.isEmpty() ? List.of("summary", "status") : fields, properties));
            if (flavor == Flavor.CLOUD) {
                int next = startAt + page.size();
                boolean last = next >= hits.size();
                if (!last) body.put("nextPageToken", encodeToken(next));
                body.put("isLast", last);
            }
            ex.ok(body);
        }
    }

    /** Every issue the query selects, in its order. Callers hold the state's lock. */
    public List<JiraState.Issue> search(String jql) {
        Jql.Query q = new Jql(state, clock).parse(jql);
        List<JiraState.Issue> hits = new ArrayList<>();
        for (JiraState.Issue i : state.issuesByKey.values()) if (q.where().test(i)) hits.add(i);
        hits.sort(q.order());
        return hits;
    }

    private static String encodeToken(int startAt) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("s:" + startAt).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeToken(String token) {
        if (token == null || token.isBlank()) return 0;
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(s.substring(2));
        } catch (RuntimeException e) {
            throw new SandboxError(400, "The provided next page token is invalid or expired.");
        }
    }

    // ---- users, projects, admin objects -------------------------------------------------------------

    private void findUsers(Exchange ex) {
        String q = flavor == Flavor.CLOUD ? ex.query("query") : ex.query("username");
        if (q == null) throw new SandboxError(400, flavor == Flavor.CLOUD ? "The query parameter 'query' is required." : "The username query parameter was not provided");
        String needle = q.toLowerCase();
        ArrayNode a = Exchange.array();
        synchronized (state) {
            state.users.values().stream().filter(u -> u.name().toLowerCase().startsWith(needle) || u.displayName().toLowerCase().contains(needle)
                    || u.email().toLowerCase().startsWith(needle)).limit(ex.queryInt("maxResults", 50)).forEach(u -> a.add(user(u)));
        }
        ex.ok(a);
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

    private void project(Exchange ex) {
        synchronized (state) {
            JiraState.Project p = state.projects.get(ex.param(0));
            if (p == null) p = state.projects.values().stream().filter(x -> x.id().equals(ex.param(0))).findFirst()
                    .orElseThrow(() -> new SandboxError(404, "No project could be found with key '" + ex.param(0) + "'."));
            ObjectNode n = Exchange.object().put("self", baseUrl + api + "/project/" + p.id()).put("id", p.id()).put("key", p.key()).put("name", p.name());
            ArrayNode types = n.putArray("issueTypes");
            // every type is in every project, as with Jira's default issue type scheme
            state.issueTypes.values().forEach(t -> types.add(issueType(t)));
            ex.ok(n);
        }
    }

    private void requireAdmin(Exchange ex) {
        if (!state.userByIdOrName(ex.user()).map(JiraState.User::admin).orElse(false)) {
            throw new SandboxError(403, "You are not authorized to perform this operation. Please log in as a Jira administrator.");
        }
    }

    private ObjectNode issueType(JiraState.IssueType t) {
        return Exchange.object().put("self", baseUrl + api + "/issuetype/" + t.id()).put("id", t.id()).put("description", "")
                .put("name", t.name()).put("subtask", t.subtask());
    }

    private void createIssueType(Exchange ex) {
        requireAdmin(ex);
        synchronized (state) {
            String name = ex.json().path("name").asText("");
            if (name.isBlank()) throw new SandboxError(400, "", Map.of("name", "You must specify a valid name."));
            if (state.issueTypeByIdOrName(name).isPresent()) throw new SandboxError(409, "An issue type with this name already exists.");
            JiraState.IssueType t = new JiraState.IssueType(state.nextId(), name, false);
            state.issueTypes.put(t.id(), t);
            // Data Center 10.3's contract answers 201 without a body; Cloud returns the type
            ex.respond(201, flavor == Flavor.CLOUD ? issueType(t) : null);
        }
    }

    private void fields(Exchange ex) {
        synchronized (state) {
            ArrayNode a = Exchange.array();
            state.fields.values().forEach(f -> a.add(field(f)));
            ex.ok(a);
        }
    }

    private static ObjectNode field(JiraState.Field f) {
        ObjectNode n = Exchange.object().put("id", f.id()).put("name", f.name()).put("custom", f.custom()).put("orderable", true)
                .put("navigable", true).put("searchable", true);
        ObjectNode schema = n.putObject("schema").put("type", f.schemaType());
        if (f.customType() != null) schema.put("custom", f.customType()).put("customId", Long.parseLong(f.id().replace("customfield_", "")));
        else schema.put("system", f.id());
        return n;
    }

    private void createField(Exchange ex) {
        requireAdmin(ex);
        synchronized (state) {
            JsonNode b = ex.json();
            String type = b.path("type").asText("");
            if (!type.startsWith("com.atlassian.jira.plugin.system.customfieldtypes:")) {
                throw new SandboxError(400, "", Map.of("type", "Invalid custom field type: " + type));
            }
            String schemaType = type.endsWith(":datetime") ? "datetime" : type.endsWith(":select") ? "option" : "string";
            JiraState.Field f = new JiraState.Field("customfield_" + state.nextId(), b.path("name").asText(), true, schemaType, type);
            state.fields.put(f.id(), f);
            ex.respond(201, field(f));
        }
    }

    private void screens(Exchange ex) {
        synchronized (state) {
            ArrayNode a = Exchange.array();
            state.screens.forEach((id, name) -> a.addObject().put("id", Long.parseLong(id)).put("name", name).put("description", ""));
            if (flavor == Flavor.CLOUD) {
                ObjectNode page = Exchange.object().put("maxResults", 100).put("startAt", 0).put("total", a.size()).put("isLast", true);
                page.set("values", a);
                ex.ok(page);
            } else {
                ex.ok(a);
            }
        }
    }

    private void screenOr404(String id) {
        if (!state.screens.containsKey(id)) throw new SandboxError(404, "The screen with id '" + id + "' does not exist.");
    }

    private void tabs(Exchange ex) {
        synchronized (state) {
            screenOr404(ex.param(0));
            ArrayNode a = Exchange.array();
            a.addObject().put("id", 10000 + Long.parseLong(ex.param(0)) - 1).put("name", "Field Tab");
            ex.ok(a);
        }
    }

    private String tabOf(String screen, String tab) {
        screenOr404(screen);
        if (!tab.equals(String.valueOf(10000 + Long.parseLong(screen) - 1))) throw new SandboxError(404, "The screen tab with id '" + tab + "' does not exist.");
        return screen;
    }

    private void tabFields(Exchange ex) {
        synchronized (state) {
            String screen = tabOf(ex.param(0), ex.param(1));
            ArrayNode a = Exchange.array();
            for (String id : state.screenFields.get(screen)) {
                JiraState.Field f = state.fields.get(id);
                a.addObject().put("id", id).put("name", f == null ? id : f.name());
            }
            ex.ok(a);
        }
    }

    private void addTabField(Exchange ex) {
        requireAdmin(ex);
        synchronized (state) {
            String screen = tabOf(ex.param(0), ex.param(1));
            String id = ex.json().path("fieldId").asText();
            JiraState.Field f = state.fields.get(id);
            if (f == null) throw new SandboxError(400, "The field with id '" + id + "' does not exist.");
            List<String> on = state.screenFields.get(screen);
            if (on.contains(id)) throw new SandboxError(400, "The field with id '" + id + "' is already present on the screen.");
            on.add(id);
            ex.ok(Exchange.object().put("id", id).put("name", f.name()));
        }
    }

    private static ObjectNode linkType(JiraState.LinkType t) {
        return Exchange.object().put("id", t.id()).put("name", t.name()).put("inward", t.inward()).put("outward", t.outward());
    }

    private void createLinkType(Exchange ex) {
        requireAdmin(ex);
        synchronized (state) {
            JsonNode b = ex.json();
            if (state.linkTypeByName(b.path("name").asText()).isPresent()) throw new SandboxError(400, "An issue link type with the name '" + b.path("name").asText() + "' already exists.");
            JiraState.LinkType t = new JiraState.LinkType(state.nextId(), b.path("name").asText(), b.path("inward").asText(), b.path("outward").asText());
            state.linkTypes.put(t.id(), t);
            ex.respond(201, flavor == Flavor.CLOUD ? linkType(t) : null);
        }
    }

    private ObjectNode filter(JiraState.Filter f) {
        return Exchange.object().put("self", baseUrl + api + "/filter/" + f.id()).put("id", f.id()).put("name", f.name())
                .put("description", f.description()).put("jql", f.jql()).put("favourite", true)
                .put("viewUrl", baseUrl + "/issues/?filter=" + f.id());
    }

    private void searchFilters(Exchange ex) {
        String name = ex.query("filterName") == null ? "" : ex.query("filterName").toLowerCase();
        synchronized (state) {
            ArrayNode values = Exchange.array();
            state.filters.values().stream().filter(f -> f.name().toLowerCase().contains(name)).forEach(f -> values.add(filter(f)));
            ObjectNode page = Exchange.object().put("maxResults", 50).put("startAt", 0).put("total", values.size()).put("isLast", true);
            page.set("values", values);
            ex.ok(page);
        }
    }

    private void createFilter(Exchange ex) {
        synchronized (state) {
            JsonNode b = ex.json();
            String name = b.path("name").asText("");
            if (name.isBlank()) throw new SandboxError(400, "", Map.of("filterName", "You must specify a name to save this filter as."));
            if (state.filters.values().stream().anyMatch(f -> f.name().equals(name) && f.owner().equals(ex.user()))) {
                throw new SandboxError(400, "", Map.of("filterName", "Filter with same name already exists."));
            }
            new Jql(state, clock).parse(b.path("jql").asText(""));
            JiraState.Filter f = new JiraState.Filter(state.nextId(), name, b.path("jql").asText(""), b.path("description").asText(""), ex.user());
            state.filters.put(f.id(), f);
            ex.ok(filter(f));
        }
    }

    // ---- boards ------------------------------------------------------------------------------------

    private static ObjectNode board(JiraState.Board b, String baseUrl) {
        return Exchange.object().put("id", b.id()).put("self", baseUrl + "/rest/agile/1.0/board/" + b.id()).put("name", b.name()).put("type", b.type());
    }

    private void boards(Exchange ex) {
        String name = ex.query("name") == null ? "" : ex.query("name").toLowerCase();
        int startAt = ex.queryInt("startAt", 0);
        int max = ex.queryInt("maxResults", 50);
        synchronized (state) {
            List<JiraState.Board> all = state.boards.values().stream().filter(b -> b.name().toLowerCase().contains(name)).toList();
            List<JiraState.Board> page = all.subList(Math.min(startAt, all.size()), Math.min(all.size(), startAt + max));
            ObjectNode body = Exchange.object().put("maxResults", max).put("startAt", startAt).put("total", all.size())
                    .put("isLast", startAt + page.size() >= all.size());
            ArrayNode values = body.putArray("values");
            page.forEach(b -> values.add(board(b, baseUrl)));
            ex.ok(body);
        }
    }

    private void createBoard(Exchange ex) {
        synchronized (state) {
            JsonNode b = ex.json();
            String filterId = b.path("filterId").asText();
            if (!state.filters.containsKey(filterId)) throw new SandboxError(400, "", Map.of("filterId", "The filter with id " + filterId + " does not exist."));
            JiraState.Board board = new JiraState.Board(Long.parseLong(state.nextId()), b.path("name").asText(), b.path("type").asText("kanban"),
                    filterId, b.path("location").path("projectKeyOrId").asText(null));
            state.boards.put(board.id(), board);
            ex.respond(201, board(board, baseUrl));
        }
    }

    private void boardIssues(Exchange ex) {
        synchronized (state) {
            JiraState.Board b = state.boards.get(Long.parseLong(ex.param(0)));
            if (b == null) throw new SandboxError(404, "The requested board cannot be viewed because it either does not exist or you do not have permission to view it.");
            List<JiraState.Issue> hits = search(state.filters.get(b.filterId()).jql());
            int startAt = ex.queryInt("startAt", 0);
            int max = ex.queryInt("maxResults", 50);
            List<JiraState.Issue> page = hits.subList(Math.min(startAt, hits.size()), Math.min(hits.size(), startAt + max));
            ObjectNode body = Exchange.object().put("expand", "schema,names").put("startAt", startAt).put("maxResults", max).put("total", hits.size());
            ArrayNode issues = body.putArray("issues");
            page.forEach(i -> issues.add(issueJson(i, List.of("summary", "status", "assignee", "duedate", "labels"), List.of())));
            ex.ok(body);
        }
    }

    /** Board columns for the HTML view: status category to issues. */
    public Map<String, List<JiraState.Issue>> columns(JiraState.Board b) {
        Map<String, List<JiraState.Issue>> out = new LinkedHashMap<>();
        out.put("To Do", new ArrayList<>());
        out.put("In Progress", new ArrayList<>());
        out.put("Done", new ArrayList<>());
        for (JiraState.Issue i : search(state.filters.get(b.filterId()).jql())) {
            out.get(state.statuses.get(i.statusId).categoryName()).add(i);
        }
        return out;
    }

    public ObjectNode status(JiraState.Status s) {
        ObjectNode n = Exchange.object().put("self", baseUrl + api + "/status/" + s.id()).put("description", "").put("iconUrl", baseUrl + "/images/status.png")
                .put("name", s.name()).put("id", s.id());
        n.putObject("statusCategory").put("self", baseUrl + api + "/statuscategory/" + s.categoryId()).put("id", s.categoryId())
                .put("key", s.categoryKey()).put("colorName", s.categoryKey().equals("done") ? "green" : s.categoryKey().equals("new") ? "blue-gray" : "yellow")
                .put("name", s.categoryName());
        return n;
    }

    public Flavor flavor() {
        return flavor;
    }
}
