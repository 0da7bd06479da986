package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.site.Route;
import io.hindsight.sandbox.site.SandboxError;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issue entity properties: the JSON values apps keep on an issue (Hindsight keeps its state there). */
final class PropertyResource {
    private final JiraState state;
    private final JiraJson json;

    PropertyResource(JiraJson json) {
        this.state = json.state;
        this.json = json;
    }

    void routes(Route on) {
        on.add("GET", json.api + "/issue/{key}/properties", this::keys);
        on.add("GET", json.api + "/issue/{key}/properties/{prop}", this::getProperty);
        on.add("PUT", json.api + "/issue/{key}/properties/{prop}", this::setProperty);
        on.add("DELETE", json.api + "/issue/{key}/properties/{prop}", this::deleteProperty);
    }

    private void keys(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = json.issueOr404(ex.param(0));
            ObjectNode body = Exchange.object();
            ArrayNode keys = body.putArray("keys");
            i.properties.keySet().forEach(k -> keys.addObject().put("key", k).put("self", json.baseUrl + json.api + "/issue/" + i.id + "/properties/" + k));
            ex.ok(body);
        }
    }

    private void deleteProperty(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = json.issueOr404(ex.param(0));
            if (i.properties.remove(ex.param(1)) == null) throw new SandboxError(404, "The property with key '" + ex.param(1) + "' does not exist.");
            ex.noContent();
        }
    }

    private void getProperty(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = json.issueOr404(ex.param(0));
            JsonNode v = i.properties.get(ex.param(1));
            if (v == null) throw new SandboxError(404, "The property with key '" + ex.param(1) + "' does not exist.");
            ObjectNode n = Exchange.object().put("key", ex.param(1));
            n.set("value", v);
            ex.ok(n);
        }
    }

    private void setProperty(Exchange ex) {
        synchronized (state) {
            JiraState.Issue i = json.issueOr404(ex.param(0));
            boolean existed = i.properties.containsKey(ex.param(1));
            i.properties.put(ex.param(1), ex.json());
            ex.respond(existed ? 200 : 201, null);
        }
    }

}
