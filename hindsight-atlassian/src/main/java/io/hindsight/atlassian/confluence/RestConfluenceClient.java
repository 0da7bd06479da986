package io.hindsight.atlassian.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.RequestCounter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What both Confluence flavours do alike: send a request and read a page back. Each flavour says how its
 * requests look and how its page JSON reads; the requests themselves are pure, for the contract tests.
 */
abstract class RestConfluenceClient implements ConfluenceClient {
    static final ObjectMapper JSON = new ObjectMapper();
    protected final AtlassianHttp http;
    private final Requests requests;

    /** A flavour's request builders (pure, static, shared with the contract tests). */
    record Requests(java.util.function.Function<String, ApiRequest> page, PageUpdate update, java.util.function.BiFunction<String, List<String>, ApiRequest> labels) {
    }

    interface PageUpdate {
        ApiRequest of(String id, String title, String storage, int newVersion, String message);
    }

    RestConfluenceClient(AtlassianHttp http, Requests requests) {
        this.http = http;
        this.requests = requests;
    }

    @Override
    public RequestCounter counter() {
        return http.counter();
    }

    /** A page as this flavour's JSON describes it. */
    abstract ConfluenceModel.Page pageOf(JsonNode p);

    @Override
    public Optional<ConfluenceModel.Page> page(String id) {
        return AtlassianException.NotFound.orEmpty(() -> pageOf(tree(http.send(requests.page().apply(id)).body())));
    }

    @Override
    public ConfluenceModel.Page update(String id, String title, String storage, int newVersion, String message) {
        return pageOf(tree(http.send(requests.update().of(id, title, storage, newVersion, message)).body()));
    }

    @Override
    public void addLabels(String pageId, List<String> labels) {
        http.send(requests.labels().apply(pageId, labels));
    }

    static Map<String, String> flat(JsonNode value) {
        Map<String, String> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("Confluence sent a response that is not JSON", e);
        }
    }
}
