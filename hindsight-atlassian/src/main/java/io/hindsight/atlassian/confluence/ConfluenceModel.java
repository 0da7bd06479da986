package io.hindsight.atlassian.confluence;

import java.util.List;
import java.util.Map;

/** Confluence values Hindsight works with. */
public final class ConfluenceModel {
    private ConfluenceModel() {
    }

    /**
     * @param version  the page's current version number
     * @param storage  the body in storage format, when it was asked for; else null
     */
    public record Page(String id, String title, String spaceKey, int version, String storage) {
    }

    /**
     * A content property.
     *
     * @param id      Cloud's property id (its URL needs it); null on Data Center
     * @param version the property's version, needed to update it
     */
    public record Property(String id, String key, Map<String, String> value, int version) {
        public Property {
            value = Map.copyOf(value);
        }
    }

    public record NewPage(String spaceKey, String parentId, String title, String storage, List<String> labels) {
        public NewPage {
            labels = labels == null ? List.of() : List.copyOf(labels);
        }
    }
}
