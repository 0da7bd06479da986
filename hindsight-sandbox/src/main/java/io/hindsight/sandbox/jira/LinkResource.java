package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;

import java.util.List;
import java.util.Map;

/**
 * Issue links and their types. In {@code POST /issueLink} the {@code inwardIssue} is the one the type's
 * outward verb reads from ("A blocks B" is {@code inwardIssue: A, outwardIssue: B}), as Jira's own
 * examples have it; {@code GET /issueLink/{id}} answers in the same shape.
 */
final class LinkResource {
    private final JiraState state;
    private final JiraJson json;
    private final Flavor flavor;
    private final JiraApi.Events events;

    LinkResource(JiraJson json, JiraApi.Events events) {
        this.state = json.state;
        this.json = json;
        this.flavor = json.flavor;
        this.events = events;
    }

    void routes(Route on) {
        String api = json.api;
        on.add("POST", api + "/issueLink", this::createLink);
        on.add("GET", api + "/issueLink/{id}", this::getLink);
        on.add("DELETE", api + "/issueLink/{id}", this::deleteLink);
        on.add("GET", api + "/issueLinkType", ex -> {
            synchronized (state) {
                ObjectNode body = Exchange.object();
                ArrayNode a = body.putArray("issueLinkTypes");
                state.linkTypes.values().forEach(t -> a.add(json.linkType(t)));
                ex.ok(body);
            }
        });
        on.add("GET", api + "/issueLinkType/{id}", ex -> {
            synchronized (state) {
                JiraState.LinkType t = state.linkTypes.get(ex.param(0));
                if (t == null) throw new SandboxError(404, "No issue link type with id '" + ex.param(0) + "' found.");
                ex.ok(json.linkType(t));
            }
        });
        on.add("POST", api + "/issueLinkType", this::createLinkType);
    }

    private void createLink(Exchange ex) {
        JiraState.Issue from;
        JiraState.Issue to;
        synchronized (state) {
            JsonNode b = ex.json();
            JsonNode type = b.path("type");
            JiraState.LinkType t = (type.has("id") ? java.util.Optional.ofNullable(state.linkTypes.get(type.path("id").asText()))
                    : state.linkTypeByName(type.path("name").asText()))
                    .orElseThrow(() -> new SandboxError(404, "No issue link type with name '" + type.path("name").asText(type.path("id").asText()) + "' found."));
            from = linkEnd(b.path("inwardIssue"));
            to = linkEnd(b.path("outwardIssue"));
            String fromKey = from.key;
            String toKey = to.key;
            boolean exists = state.links.stream().anyMatch(l -> l.typeId().equals(t.id()) && l.fromKey().equals(fromKey) && l.toKey().equals(toKey));
            // Jira keeps one link per type and pair: asking again changes nothing and still answers 201
            if (!exists) state.links.add(new JiraState.Link(state.nextId(), t.id(), fromKey, toKey));
            JsonNode comment = b.path("comment").path("body");
            if (!comment.isMissingNode() && !comment.isNull()) {
                from.comments.add(new JiraState.Comment(state.nextId(), comment, ex.user(), from.updated));
            }
        }
        ex.respond(201, null);
        events.issueUpdated(from, ex.user(), List.of("Link"));
        events.issueUpdated(to, ex.user(), List.of("Link"));
    }

    private JiraState.Issue linkEnd(JsonNode ref) {
        String key = ref.has("key") ? ref.path("key").asText() : ref.path("id").asText("");
        if (key.isEmpty()) throw new SandboxError(400, "", Map.of("issuelinks", "Both inwardIssue and outwardIssue are required."));
        return state.issue(key).orElseThrow(() -> new SandboxError(404, "Issue Does Not Exist"));
    }

    private JiraState.Link linkOr404(String id) {
        return state.links.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new SandboxError(404, "No issue link with id '" + id + "' exists."));
    }

    private void getLink(Exchange ex) {
        synchronized (state) {
            JiraState.Link l = linkOr404(ex.param(0));
            ObjectNode n = Exchange.object().put("id", l.id()).put("self", json.baseUrl + json.api + "/issueLink/" + l.id());
            n.set("type", json.linkType(state.linkTypes.get(l.typeId())));
            n.set("inwardIssue", json.linkedIssue(state.issuesByKey.get(l.fromKey())));
            n.set("outwardIssue", json.linkedIssue(state.issuesByKey.get(l.toKey())));
            ex.ok(n);
        }
    }

    private void deleteLink(Exchange ex) {
        JiraState.Link l;
        synchronized (state) {
            l = linkOr404(ex.param(0));
            state.links.remove(l);
        }
        ex.noContent();
    }

    private void createLinkType(Exchange ex) {
        json.requireAdmin(ex);
        synchronized (state) {
            JsonNode b = ex.json();
            if (state.linkTypeByName(b.path("name").asText()).isPresent()) throw new SandboxError(400, "An issue link type with the name '" + b.path("name").asText() + "' already exists.");
            JiraState.LinkType t = new JiraState.LinkType(state.nextId(), b.path("name").asText(), b.path("inward").asText(), b.path("outward").asText());
            state.linkTypes.put(t.id(), t);
            ex.respond(201, flavor == Flavor.CLOUD ? json.linkType(t) : null);
        }
    }
}
