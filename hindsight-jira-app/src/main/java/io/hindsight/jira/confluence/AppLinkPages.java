package io.hindsight.jira.confluence;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.ResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.confluence.ConfluenceModel;
import io.hindsight.atlassian.confluence.DataCenterConfluenceClient;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.core.port.Page;
import io.hindsight.core.port.WikiPages;

import java.util.List;
import java.util.Optional;

/**
 * Post-mortem pages through Jira's Application Link to Confluence (Data Center). The requests are the REST
 * host's own ({@link DataCenterConfluenceClient}'s request builders, checked against Atlassian's OpenAPI
 * document there); only the transport differs: the link's authenticated request factory, acting for the
 * signed-in user. When Confluence wants that user to authorise Jira first, the error carries the address
 * where they do it.
 */
final class AppLinkPages implements WikiPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Confluence's answer: its status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ApplicationLink link;
    private final String space;
    private final String parentId;
    private final I18nResolver i18n;

    AppLinkPages(ApplicationLink link, String space, String parentId, I18nResolver i18n) {
        this.link = link;
        this.space = space;
        this.parentId = parentId;
        this.i18n = i18n;
    }

    @Override
    public Optional<Page> page(String id) {
        Answer a = send(DataCenterConfluenceClient.getPageRequest(id));
        if (a.status() == 404) return Optional.empty();
        return Optional.of(page(require(a, "reading page " + id), ""));
    }

    /** A 400 to a create may mean the title is taken: whether it was is decided by looking for the page, as the REST host does. */
    @Override
    public Creation create(String title, String storage, List<String> labels) {
        Answer a = send(DataCenterConfluenceClient.createPageRequest(new ConfluenceModel.NewPage(space, parentId, title, storage, labels)));
        if (a.status() == 400) {
            JsonNode found = tree(require(send(DataCenterConfluenceClient.findPageRequest(space, title)), "looking for page '" + title + "'")).path("results");
            if (found.isArray() && !found.isEmpty()) return new Creation(pageOf(found.get(0), ""), true);
        }
        return new Creation(page(require(a, "creating page '" + title + "'"), storage), false);
    }

    @Override
    public Page update(String id, String title, String storage, int version, String message) {
        return page(require(send(DataCenterConfluenceClient.updatePageRequest(id, title, storage, version, message)), "updating page " + id), storage);
    }

    Answer send(ApiRequest r) {
        String url = link.getRpcUrl().toString().replaceAll("/+$", "") + r.pathAndQuery();
        try {
            ApplicationLinkRequest request = link.createAuthenticatedRequestFactory().createRequest(Request.MethodType.valueOf(r.method()), url);
            request.setHeader("Accept", "application/json");
            // Confluence refuses cookie-less writes from browsers unless told this is no XSRF risk
            if (!r.method().equals("GET")) request.setHeader("X-Atlassian-Token", "no-check");
            if (r.body() != null) request.setRequestBody(r.body(), "application/json");
            return request.executeAndReturn(response -> new Answer(response.getStatusCode(), response.getResponseBodyAsString()));
        } catch (CredentialsRequiredException e) {
            throw new IllegalStateException(i18n.getText("hindsight.confluence.authorise", String.valueOf(e.getAuthorisationURI())), e);
        } catch (ResponseException e) {
            throw new IllegalStateException(i18n.getText("hindsight.confluence.no-answer", link.getName(), r.describe(), String.valueOf(e.getMessage())), e);
        }
    }

    private static String require(Answer a, String doing) {
        if (a.ok()) return a.body();
        String body = a.body() == null ? "" : a.body().strip();
        throw new IllegalStateException("Confluence answered " + a.status() + " when " + doing + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)));
    }

    private static Page page(String body, String sent) {
        return pageOf(tree(body), sent);
    }

    /** @param sent what was sent, standing in for a body Confluence did not send back */
    private static Page pageOf(JsonNode p, String sent) {
        JsonNode storage = p.path("body").path("storage").path("value");
        return new Page(p.path("id").asText(), p.path("version").path("number").asInt(1), storage.isMissingNode() ? sent : storage.asText());
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("Confluence sent a response that is not JSON", e);
        }
    }
}
