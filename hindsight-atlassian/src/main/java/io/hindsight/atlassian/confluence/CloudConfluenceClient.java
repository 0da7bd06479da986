package io.hindsight.atlassian.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.AtlassianHttp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.hindsight.atlassian.http.ApiRequest.segment;

/**
 * Confluence Cloud: pages and page properties on {@code /wiki/api/v2}; labels through the v1 endpoint
 * that still exists for them. v2 addresses spaces by id, so space keys are looked up once and kept.
 */
public final class CloudConfluenceClient extends RestConfluenceClient {
    private static final String V2 = "/wiki/api/v2";
    private final Map<String, String> spaceIds = new ConcurrentHashMap<>();
    private final Map<String, String> spaceKeys = new ConcurrentHashMap<>();

    public CloudConfluenceClient(AtlassianHttp http) {
        super(http, new Requests(CloudConfluenceClient::getPageRequest, CloudConfluenceClient::updatePageRequest, CloudConfluenceClient::addLabelsRequest));
    }

    public static ApiRequest spaceRequest(String spaceKey) {
        return ApiRequest.get(V2 + "/spaces").query("keys", spaceKey).query("limit", 1).build();
    }

    public static ApiRequest findPageRequest(String spaceId, String title) {
        return ApiRequest.get(V2 + "/pages").query("space-id", spaceId).query("title", title).query("body-format", "storage")
                .query("limit", 5).build();
    }

    public static ApiRequest getPageRequest(String id) {
        return ApiRequest.get(V2 + "/pages/" + segment(id)).query("body-format", "storage").build();
    }

    public static ApiRequest createPageRequest(String spaceId, String parentId, String title, String storage) {
        ObjectNode body = JSON.createObjectNode().put("spaceId", spaceId).put("status", "current").put("title", title);
        if (parentId != null) body.put("parentId", parentId);
        body.putObject("body").put("representation", "storage").put("value", storage);
        return ApiRequest.postCreate(V2 + "/pages").json(body.toString()).build();
    }

    public static ApiRequest updatePageRequest(String id, String title, String storage, int newVersion, String message) {
        ObjectNode body = JSON.createObjectNode().put("id", id).put("status", "current").put("title", title);
        body.putObject("body").put("representation", "storage").put("value", storage);
        ObjectNode version = body.putObject("version").put("number", newVersion);
        if (message != null) version.put("message", message);
        return ApiRequest.put(V2 + "/pages/" + segment(id)).json(body.toString()).build();
    }

    public static ApiRequest addLabelsRequest(String pageId, List<String> labels) {
        ApiRequest v1 = DataCenterConfluenceClient.addLabelsRequest(pageId, labels);
        return v1.withPath("/wiki" + v1.path());
    }

    public static ApiRequest getPropertyRequest(String pageId, String key) {
        return ApiRequest.get(V2 + "/pages/" + segment(pageId) + "/properties").query("key", key).build();
    }

    public static ApiRequest createPropertyRequest(String pageId, String key, Map<String, String> value) {
        return ApiRequest.postCreate(V2 + "/pages/" + segment(pageId) + "/properties").json(DataCenterConfluenceClient.propertyBody(key, value, 0)).build();
    }

    public static ApiRequest updatePropertyRequest(String pageId, String propertyId, String key, Map<String, String> value, int newVersion) {
        return ApiRequest.put(V2 + "/pages/" + segment(pageId) + "/properties/" + segment(propertyId))
                .json(DataCenterConfluenceClient.propertyBody(key, value, newVersion)).build();
    }

    private String spaceId(String spaceKey) {
        return spaceIds.computeIfAbsent(spaceKey, k -> {
            JsonNode results = tree(http.send(spaceRequest(k)).body()).path("results");
            if (results.isEmpty()) {
                throw new AtlassianException.NotFound("Confluence has no space with the key " + k + " visible to this account", "GET " + V2 + "/spaces", null);
            }
            String id = results.get(0).path("id").asText();
            spaceKeys.put(id, k);
            return id;
        });
    }

    @Override
    public Optional<ConfluenceModel.Page> findPage(String spaceKey, String title) {
        for (JsonNode p : tree(http.send(findPageRequest(spaceId(spaceKey), title)).body()).path("results")) {
            if (p.path("title").asText().equals(title)) return Optional.of(pageOf(p));
        }
        return Optional.empty();
    }

    @Override
    public ConfluenceModel.Page create(ConfluenceModel.NewPage p) {
        ConfluenceModel.Page created = pageOf(tree(http.send(createPageRequest(spaceId(p.spaceKey()), p.parentId(), p.title(), p.storage())).body()));
        if (!p.labels().isEmpty()) addLabels(created.id(), p.labels());
        return created;
    }

    @Override
    public Optional<ConfluenceModel.Property> property(String pageId, String key) {
        for (JsonNode p : tree(http.send(getPropertyRequest(pageId, key)).body()).path("results")) {
            if (p.path("key").asText().equals(key)) {
                return Optional.of(new ConfluenceModel.Property(p.path("id").asText(), key, flat(p.path("value")), p.path("version").path("number").asInt(1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void setProperty(String pageId, String key, Map<String, String> value, Optional<ConfluenceModel.Property> existing) {
        http.send(existing.isPresent() ? updatePropertyRequest(pageId, existing.get().id(), key, value, existing.get().version() + 1)
                : createPropertyRequest(pageId, key, value));
    }

    @Override
    ConfluenceModel.Page pageOf(JsonNode p) {
        JsonNode storage = p.path("body").path("storage").path("value");
        return new ConfluenceModel.Page(p.path("id").asText(), p.path("title").asText(), spaceKeys.get(p.path("spaceId").asText()),
                p.path("version").path("number").asInt(1), storage.isMissingNode() ? null : storage.asText());
    }
}
