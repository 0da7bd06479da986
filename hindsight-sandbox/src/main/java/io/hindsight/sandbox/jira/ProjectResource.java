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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's metadata: server info, projects, issue types, fields and screens (what provisioning reads
 * and creates).
 */
final class ProjectResource {
    private final JiraState state;
    private final JiraJson json;
    private final Flavor flavor;
    private final Clock clock;

    ProjectResource(JiraJson json, Clock clock) {
        this.state = json.state;
        this.json = json;
        this.flavor = json.flavor;
        this.clock = clock;
    }

    void routes(Route on) {
        String api = json.api;
        on.add("GET", "/rest/api/2/serverInfo", this::serverInfo);
        if (flavor == Flavor.CLOUD) on.add("GET", "/rest/api/3/serverInfo", this::serverInfo);
        on.add("GET", api + "/project", this::projects);
        on.add("GET", api + "/project/{key}", this::project);
        on.add("GET", api + "/issuetype", ex -> {
            synchronized (state) {
                ArrayNode a = Exchange.array();
                state.issueTypes.values().forEach(t -> a.add(json.issueType(t)));
                ex.ok(a);
            }
        });
        on.add("POST", api + "/issuetype", this::createIssueType);
        on.add("GET", api + "/field", this::fields);
        on.add("POST", api + "/field", this::createField);
        on.add("GET", api + "/screens", this::screens);
        on.add("GET", api + "/screens/{id}/tabs", this::tabs);
        on.add("GET", api + "/screens/{id}/tabs/{tab}/fields", this::tabFields);
        on.add("POST", api + "/screens/{id}/tabs/{tab}/fields", this::addTabField);
    }

    private void serverInfo(Exchange ex) {
        Instant now = clock.instant();
        ObjectNode n = Exchange.object().put("baseUrl", json.baseUrl).put("version", flavor == Flavor.CLOUD ? "1001.0.0-SNAPSHOT" : "10.3.4");
        ArrayNode v = n.putArray("versionNumbers");
        if (flavor == Flavor.CLOUD) v.add(1001).add(0).add(0);
        else v.add(10).add(3).add(4);
        n.put("deploymentType", flavor == Flavor.CLOUD ? "Cloud" : "Server").put("buildNumber", 100000)
                .put("buildDate", JiraJson.JIRA_TIME.format(now)).put("serverTime", JiraJson.JIRA_TIME.format(now))
                .put("scmInfo", "sandbox").put("serverTitle", "Hindsight sandbox (not a Jira)");
        ex.ok(n);
    }

    /** Every project the user can browse, as {@code GET /project} lists them (no pagination, as Jira's own). */
    private void projects(Exchange ex) {
        synchronized (state) {
            ArrayNode a = Exchange.array();
            state.projects.values().forEach(p -> a.add(projectSummary(p)));
            ex.ok(a);
        }
    }

    private ObjectNode projectSummary(JiraState.Project p) {
        ObjectNode n = Exchange.object().put("self", json.baseUrl + json.api + "/project/" + p.id()).put("id", p.id()).put("key", p.key()).put("name", p.name())
                .put("projectTypeKey", "software");
        if (flavor == Flavor.CLOUD) n.put("simplified", false).put("style", "classic").put("isPrivate", false);
        return n;
    }

    private void project(Exchange ex) {
        synchronized (state) {
            JiraState.Project p = state.projects.get(ex.param(0));
            if (p == null) p = state.projects.values().stream().filter(x -> x.id().equals(ex.param(0))).findFirst()
                    .orElseThrow(() -> new SandboxError(404, "No project could be found with key '" + ex.param(0) + "'."));
            ObjectNode n = projectSummary(p);
            n.put("description", "");
            n.putObject("lead").setAll(state.userByIdOrName("hindsight").map(json::user).orElseThrow());
            ArrayNode types = n.putArray("issueTypes");
            // every type is in every project, as with Jira's default issue type scheme
            state.issueTypes.values().forEach(t -> types.add(json.issueType(t)));
            ex.ok(n);
        }
    }

    private void createIssueType(Exchange ex) {
        json.requireAdmin(ex);
        synchronized (state) {
            String name = ex.json().path("name").asText("");
            if (name.isBlank()) throw new SandboxError(400, "", Map.of("name", "You must specify a valid name."));
            if (state.issueTypeByIdOrName(name).isPresent()) throw new SandboxError(409, "An issue type with this name already exists.");
            JiraState.IssueType t = new JiraState.IssueType(state.nextId(), name, false);
            state.issueTypes.put(t.id(), t);
            // Data Center 10.3's contract answers 201 without a body; Cloud returns the type
            ex.respond(201, flavor == Flavor.CLOUD ? json.issueType(t) : null);
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
        json.requireAdmin(ex);
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
        json.requireAdmin(ex);
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

}
