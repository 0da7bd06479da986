package io.hindsight.jira.jira;

import com.atlassian.jira.entity.property.EntityProperty;
import com.atlassian.jira.entity.property.JsonEntityPropertyManager;
import com.atlassian.jira.user.ApplicationUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.adapter.StateProperty;
import io.hindsight.core.model.SyncState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hindsight's entity properties on issues, as small flat JSON objects of strings: the same key and the same
 * shape the REST host writes through {@code /rest/api/2/issue/{key}/properties/{key}}, so either host reads
 * what the other wrote. {@code IssueProperty} is the entity name Jira files issue properties under.
 */
public final class IssueProperties {
    static final String ISSUE_PROPERTY = "IssueProperty";
    static final String COMMENT_PROPERTY = "CommentProperty";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonEntityPropertyManager properties;

    public IssueProperties(JsonEntityPropertyManager properties) {
        this.properties = properties;
    }

    /** The property's values; empty when the issue has none. A non-string value is read as its JSON text, as the REST host does. */
    public Optional<Map<String, String>> get(Long issueId, String key) {
        return get(ISSUE_PROPERTY, issueId, key);
    }

    /** Writes the property without an event: it is Hindsight's own bookkeeping, not a change anyone watches. */
    public void put(ApplicationUser user, Long issueId, String key, Map<String, String> values) {
        properties.put(user, ISSUE_PROPERTY, issueId, key, write(values), null, false);
    }

    /** A comment's property (Jira files comment properties under {@code CommentProperty}). */
    public Optional<Map<String, String>> getOnComment(Long commentId, String key) {
        return get(COMMENT_PROPERTY, commentId, key);
    }

    public void putOnComment(ApplicationUser user, Long commentId, String key, Map<String, String> values) {
        properties.put(user, COMMENT_PROPERTY, commentId, key, write(values), null, false);
    }

    private Optional<Map<String, String>> get(String entity, Long id, String key) {
        EntityProperty p = properties.get(entity, id, key);
        if (p == null || p.getValue() == null) return Optional.empty();
        return Optional.of(read(p.getValue()));
    }

    static Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an issue property holds text that is not JSON: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    static String write(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link SyncState} as the {@code hindsight.postmortem} property holds it: the REST host's shape, from the one place that defines it. */
    public static Map<String, String> stateValues(SyncState state) {
        return StateProperty.values(state);
    }

    public static SyncState state(Map<String, String> v) {
        return StateProperty.read(v);
    }

    /** The {@code hindsight.remediation} property of a ticket: its post-mortem and action. */
    public static Map<String, String> ticketValues(String postMortem, String actionId) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("postMortem", postMortem);
        v.put("actionId", actionId);
        return v;
    }
}
