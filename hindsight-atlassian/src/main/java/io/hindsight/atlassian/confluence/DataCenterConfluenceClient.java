package io.hindsight.atlassian.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.AtlassianHttp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hindsight.atlassian.http.ApiRequest.segment;

/** Confluence Data Center 8-10: {@code /rest/api/content}, labels and content properties on the same API. */
public final class DataCenterConfluenceClient extends RestConfluenceClient {
    private static final String CONTENT = "/rest/api/content";

    public DataCenterConfluenceClient(AtlassianHttp http) {
        super(http, new Requests(DataCenterConfluenceClient::getPageRequest, DataCenterConfluenceClient::updatePageRequest, DataCenterConfluenceClient::addLabelsRequest));
    }

    public static ApiRequest findPageRequest(String spaceKey, String title) {
        return ApiRequest.get(CONTENT).query("type", "page").query("spaceKey", spaceKey).query("title", title)
                .query("expand", "version,body.storage,space").build();
    }

    public static ApiRequest getPageRequest(String id) {
        return ApiRequest.get(CONTENT + "/" + segment(id)).query("expand", "version,body.storage,space").build();
    }

    public static ApiRequest createPageRequest(ConfluenceModel.NewPage p) {
        ObjectNode body = JSON.createObjectNode().put("type", "page").put("title", p.title());
        body.putObject("space").put("key", p.spaceKey());
        if (p.parentId() != null) body.putArray("ancestors").addObject().put("id", p.parentId());
        body.putObject("body").putObject("storage").put("value", p.storage()).put("representation", "storage");
        // labels ride along with the page: one request instead of two
        if (!p.labels().isEmpty()) {
            ArrayNode labels = body.putObject("metadata").putArray("labels");
            p.labels().forEach(l -> labels.addObject().put("prefix", "global").put("name", l));
        }
        return ApiRequest.postCreate(CONTENT).json(body.toString()).build();
    }

    public static ApiRequest updatePageRequest(String id, String title, String storage, int newVersion, String message) {
        ObjectNode body = JSON.createObjectNode().put("id", id).put("type", "page").put("title", title);
        body.putObject("body").putObject("storage").put("value", storage).put("representation", "storage");
        ObjectNode version = body.putObject("version").put("number", newVersion);
        if (message != null) version.put("message", message);
        return ApiRequest.put(CONTENT + "/" + segment(id)).json(body.toString()).build();
    }

    public static ApiRequest addLabelsRequest(String pageId, List<String> labels) {
        ArrayNode body = JSON.createArrayNode();
        labels.forEach(l -> body.addObject().put("prefix", "global").put("name", l));
        return ApiRequest.postIdempotent(CONTENT + "/" + segment(pageId) + "/label").json(body.toString()).build();
    }

    public static ApiRequest getPropertyRequest(String pageId, String key) {
        return ApiRequest.get(CONTENT + "/" + segment(pageId) + "/property/" + segment(key)).build();
    }

    public static ApiRequest createPropertyRequest(String pageId, String key, Map<String, String> value) {
        return ApiRequest.postCreate(CONTENT + "/" + segment(pageId) + "/property").json(propertyBody(key, value, 0)).build();
    }

    public static ApiRequest updatePropertyRequest(String pageId, String key, Map<String, String> value, int newVersion) {
        return ApiRequest.put(CONTENT + "/" + segment(pageId) + "/property/" + segment(key)).json(propertyBody(key, value, newVersion)).build();
    }

    /** A content property as both Confluence APIs take it; version 0 for a new one. */
    static String propertyBody(String key, Map<String, String> value, int version) {
        ObjectNode body = JSON.createObjectNode().put("key", key);
        body.set("value", JSON.valueToTree(value));
        if (version > 0) body.putObject("version").put("number", version);
        return body.toString();
    }

    @Override
    public Optional<ConfluenceModel.Page> findPage(String spaceKey, String title) {
        JsonNode results = tree(http.send(findPageRequest(spaceKey, title)).body()).path("results");
        for (JsonNode p : results) if (p.path("title").asText().equals(title)) return Optional.of(pageOf(p));
        return Optional.empty();
    }

    @Override
    public ConfluenceModel.Page create(ConfluenceModel.NewPage p) {
        return pageOf(tree(http.send(createPageRequest(p)).body()));
    }

    @Override
    public Optional<ConfluenceModel.Property> property(String pageId, String key) {
        return AtlassianException.NotFound.orEmpty(() -> tree(http.send(getPropertyRequest(pageId, key)).body()))
                .map(n -> new ConfluenceModel.Property(null, key, flat(n.path("value")), n.path("version").path("number").asInt(1)));
    }

    @Override
    public void setProperty(String pageId, String key, Map<String, String> value, Optional<ConfluenceModel.Property> existing) {
        http.send(existing.isPresent() ? updatePropertyRequest(pageId, key, value, existing.get().version() + 1)
                : createPropertyRequest(pageId, key, value));
    }

    @Override
    ConfluenceModel.Page pageOf(JsonNode p) {
        JsonNode storage = p.path("body").path("storage").path("value");
        return new ConfluenceModel.Page(p.path("id").asText(), p.path("title").asText(), p.path("space").path("key").asText(null),
                p.path("version").path("number").asInt(1), storage.isMissingNode() ? null : storage.asText());
    }
}
