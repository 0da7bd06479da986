package io.hindsight.atlassian.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.core.Contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Atlassian's published OpenAPI documents, loaded once per test run with the in-memory fixes their
 * README describes, ready to validate the requests our adapters build and the responses we parse.
 */
public enum AtlassianContracts {
    JIRA_CLOUD("jira-platform.openapi.json"),
    JIRA_SOFTWARE("jira-software.openapi.json"),
    CONFLUENCE_CLOUD_V2("confluence-v2.openapi.json"),
    CONFLUENCE_CLOUD_V1("confluence-v1.openapi.json"),
    JIRA_DC("jira-dc-10.3.openapi.json"),
    CONFLUENCE_DC("confluence-dc-10.0.3.openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<AtlassianContracts, OpenApiInteractionValidator> LOADED = new ConcurrentHashMap<>();
    private final String file;

    AtlassianContracts(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public OpenApiInteractionValidator validator() {
        return LOADED.computeIfAbsent(this, c -> c.load());
    }

    private OpenApiInteractionValidator load() {
        try {
            ObjectNode spec = (ObjectNode) JSON.readTree(Files.readString(Contracts.require(file)));
            OpenApiInteractionValidator.Builder b;
            switch (this) {
                case JIRA_DC -> {
                    renameDuplicateOperationIds(spec);
                    acceptPlainFieldValues(spec);
                    acceptJsonPropertyValues(spec);
                    listsAreArrays(spec);
                }
                case CONFLUENCE_DC -> {
                    dropDuplicateParameters(spec);
                    // JsonString is the generator's name for "a JSON value"; content property values are any JSON
                    ((ObjectNode) spec.path("components").path("schemas")).set("JsonString", JSON.createObjectNode());
                }
                default -> {
                }
            }
            b = OpenApiInteractionValidator.createForInlineApiSpecification(JSON.writeValueAsString(spec))
                    // merge allOf parts, so "no additional properties" is judged on the whole object, not on each part
                    .withResolveCombinators(true)
                    // servers add response fields over time and clients must tolerate them; requests stay strict
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE).build());
            // Confluence DC's server is http://{baseurl}/confluence; a site may also run at the root
            if (this == CONFLUENCE_DC) b.withBasePathOverride("/");
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jira DC 10.3 repeats 8 operationIds, which the parser refuses; suffixes make them unique. */
    private static void renameDuplicateOperationIds(ObjectNode spec) {
        Set<String> seen = new HashSet<>();
        for (JsonNode item : spec.get("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                JsonNode op = it.next().getValue();
                if (op instanceof ObjectNode o && o.has("operationId")) {
                    String id = o.get("operationId").asText();
                    int n = 2;
                    while (!seen.add(id)) id = o.get("operationId").asText() + "_dup" + n++;
                    o.put("operationId", id);
                }
            }
        }
    }

    /** Jira DC's generated schema types every {@code fields.*} value as an object; real Jira takes strings, numbers, lists too. */
    private static void acceptPlainFieldValues(ObjectNode spec) {
        JsonNode schemas = spec.path("components").path("schemas");
        for (JsonNode schema : schemas) {
            JsonNode fields = schema.path("properties").path("fields");
            if (fields instanceof ObjectNode f && f.has("additionalProperties")) f.set("additionalProperties", JSON.createObjectNode());
            JsonNode update = schema.path("properties").path("update");
            if (update instanceof ObjectNode u && u.has("additionalProperties")) u.set("additionalProperties", JSON.createObjectNode());
        }
    }

    /**
     * Jira DC types entity property values as {@code type: string, format: json} (its own example is a JSON
     * object): the value is a JSON document, which is what Jira stores.
     */
    private static void acceptJsonPropertyValues(ObjectNode spec) {
        JsonNode bean = spec.path("components").path("schemas").path("EntityPropertyBean").path("properties");
        if (bean instanceof ObjectNode b) b.set("value", JSON.createObjectNode());
        JsonNode put = spec.path("paths").path("/api/2/issue/{issueIdOrKey}/properties/{propertyKey}").path("put")
                .path("requestBody").path("content").path("application/json");
        if (put instanceof ObjectNode p) p.set("schema", JSON.createObjectNode());
    }

    /** Operations Jira DC answers with a JSON array, which its generated document types as one element. */
    private static final java.util.List<String> DC_ARRAY_RESPONSES = java.util.List.of("/api/2/issuetype", "/api/2/field",
            "/api/2/screens/{screenId}/tabs", "/api/2/screens/{screenId}/tabs/{tabId}/fields", "/api/2/filter/favourite", "/api/2/user/search");

    /**
     * Jira DC's generated document says "Returns a list of ..." for these but types the body as one
     * element. Its only response for GET /screens is a copy of addToDefault's 201.
     */
    private static void listsAreArrays(ObjectNode spec) {
        for (String path : DC_ARRAY_RESPONSES) {
            JsonNode media = spec.path("paths").path(path).path("get").path("responses").path("200").path("content").path("application/json");
            if (media instanceof ObjectNode m && m.path("schema").has("$ref")) {
                ObjectNode array = JSON.createObjectNode().put("type", "array");
                array.set("items", m.get("schema"));
                m.set("schema", array);
            }
        }
        JsonNode screens = spec.path("paths").path("/api/2/screens").path("get").path("responses");
        if (screens instanceof ObjectNode r && !r.has("200")) {
            r.set("200", JSON.createObjectNode().put("description", "the screens"));
            ((ObjectNode) r.get("200")).putObject("content").putObject("application/json").set("schema", JSON.createObjectNode());
        }
    }

    /** Confluence DC 10.0.3 lists some parameters twice in one operation; the parser refuses the file. */
    private static void dropDuplicateParameters(ObjectNode spec) {
        for (JsonNode item : spec.get("paths")) {
            for (JsonNode op : item) {
                if (!(op.get("parameters") instanceof ArrayNode params)) continue;
                Set<String> seen = new HashSet<>();
                for (Iterator<JsonNode> it = params.iterator(); it.hasNext(); ) {
                    JsonNode p = it.next();
                    String key = p.has("$ref") ? p.get("$ref").asText() : p.path("name").asText() + "@" + p.path("in").asText();
                    if (!seen.add(key)) it.remove();
                }
            }
        }
    }

    /** Validates a request our adapter built; the report lists every way it breaks the contract. */
    public ValidationReport validate(ApiRequest request) {
        URI uri = URI.create("http://host" + request.pathAndQuery());
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(request.method()), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                b.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        request.headers().forEach(b::withHeader);
        // the transport signs every request; the contracts declare basic (Jira DC), OAuth2 (Jira Software) or both
        b.withHeader("Authorization", this == JIRA_DC ? "Basic dXNlcjpwYXNz" : "Bearer token");
        if (request.body() != null) b.withBody(request.body());
        return validator().validateRequest(b.build());
    }

    /** Validates a response body we parse, as the contract describes it for that operation. */
    public ValidationReport validateResponse(String method, String path, int status, String body) {
        SimpleResponse response = SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
        return validator().validateResponse(path, Request.Method.valueOf(method), response);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
