package io.hindsight.atlassian.confluence;

import io.hindsight.atlassian.confluence.ConfluenceModel.NewPage;
import io.hindsight.atlassian.confluence.ConfluenceModel.Page;
import io.hindsight.atlassian.confluence.ConfluenceModel.Property;
import io.hindsight.atlassian.http.RequestCounter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confluence as Hindsight uses it, the same for Data Center ({@code /rest/api/content}) and Cloud
 * ({@code /wiki/api/v2}, labels through v1): a caller never knows which API it talks to.
 */
public interface ConfluenceClient {
    RequestCounter counter();

    /** The page with this exact title in the space, with its storage body. */
    Optional<Page> findPage(String spaceKey, String title);

    Optional<Page> page(String id);

    Page create(NewPage page);

    /** Writes a new version; {@code newVersion} must be the current version + 1, else Confluence answers 409. */
    Page update(String id, String title, String storage, int newVersion, String message);

    void addLabels(String pageId, List<String> labels);

    Optional<Property> property(String pageId, String key);

    /** Creates the property, or updates it when {@code existing} is given. */
    void setProperty(String pageId, String key, Map<String, String> value, Optional<Property> existing);
}
