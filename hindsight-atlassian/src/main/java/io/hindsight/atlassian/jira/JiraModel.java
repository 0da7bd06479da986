package io.hindsight.atlassian.jira;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Jira values Hindsight works with: immutable, JSON-free. */
public final class JiraModel {
    private JiraModel() {
    }

    public enum Deployment { DATA_CENTER, CLOUD }

    public record ServerInfo(String baseUrl, String version, Deployment deployment, String serverTitle) {
    }

    /** A user: Cloud identifies by account id, Data Center by user name. */
    public record User(String id, String displayName, String email) {
    }

    public record IssueRef(String id, String key) {
    }

    public enum StatusCategory {
        TO_DO, IN_PROGRESS, DONE;

        static StatusCategory fromKey(String key) {
            return switch (key == null ? "" : key) {
                case "done" -> DONE;
                case "indeterminate" -> IN_PROGRESS;
                default -> TO_DO;
            };
        }
    }

    /**
     * A link as seen from the issue that holds it.
     *
     * @param description the phrase from this issue's side, e.g. "is remediated by"
     * @param outward     true when this issue is the link's outward side ("remediates")
     */
    public record Link(String id, String type, String description, boolean outward, String otherKey) {
    }

    /** A field value, typed by what Hindsight needs from it. */
    public sealed interface FieldValue permits Text, RichText, Option, Options, DateTime, Number, Raw {
    }

    /** Plain text (single-line fields, labels-like strings). */
    public record Text(String value) implements FieldValue {
    }

    /** Multi-line text written as Markdown: wiki markup on Data Center, ADF on Cloud. */
    public record RichText(String markdown) implements FieldValue {
    }

    public record Option(String value) implements FieldValue {
    }

    public record Options(List<String> values) implements FieldValue {
        public Options {
            values = List.copyOf(values);
        }
    }

    /** An ISO-8601 date-time as Jira writes it. */
    public record DateTime(String iso) implements FieldValue {
    }

    public record Number(double value) implements FieldValue {
    }

    /** A value Hindsight does not interpret, kept as text. */
    public record Raw(String text) implements FieldValue {
    }

    /** Hindsight's own entity properties are small flat objects of strings. */
    public record Property(Map<String, String> values) {
        public Property {
            values = Map.copyOf(values);
        }

        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }
    }

    /** @param issueTypeId the issue type's id (stable where its name may be translated or renamed); null when not read */
    public record Issue(String id, String key, String summary, String issueType, String issueTypeId, String project, String status,
                        StatusCategory statusCategory, String priority, User assignee, LocalDate due, List<String> labels,
                        List<Link> links, Map<String, FieldValue> fields, Map<String, Property> properties) {
        public Issue {
            labels = List.copyOf(labels);
            links = List.copyOf(links);
            fields = Map.copyOf(fields);
            properties = Map.copyOf(properties);
        }

        public Optional<Property> property(String key) {
            return Optional.ofNullable(properties.get(key));
        }
    }

    /** A link to create together with the issue: "this issue {outward phrase} target". */
    public record NewLink(String linkTypeName, String targetKey) {
    }

    /**
     * An issue to create.
     *
     * @param issueType     the issue type's id (preferred) or name
     * @param assignee      a {@link User#id()}, or null
     * @param fields        custom fields by id, e.g. {@code customfield_10010}
     * @param links         links created in the same request
     * @param properties    entity properties set in the same request
     */
    public record NewIssue(String project, String issueType, String summary, String descriptionMarkdown, String priority,
                           String assignee, LocalDate due, List<String> labels, Map<String, FieldValue> fields,
                           List<NewLink> links, Map<String, Property> properties) {
        public NewIssue {
            labels = labels == null ? List.of() : List.copyOf(labels);
            fields = fields == null ? Map.of() : Map.copyOf(fields);
            links = links == null ? List.of() : List.copyOf(links);
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    /**
     * Changes to an issue; null leaves a field as it is.
     *
     * @param addLabels labels to add; the ticket's other labels stay, including ones someone adds meanwhile
     * @param fields    custom fields to set
     */
    public record IssueEdit(String summary, String descriptionMarkdown, String priority, String assignee, LocalDate due,
                            List<String> addLabels, Map<String, FieldValue> fields) {
        public IssueEdit {
            addLabels = addLabels == null ? List.of() : List.copyOf(addLabels);
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** One failed element of a bulk create, by its position in the request. */
    public record BulkError(int index, String message) {
    }

    public record BulkResult(List<IssueRef> created, List<BulkError> errors) {
        public BulkResult {
            created = List.copyOf(created);
            errors = List.copyOf(errors);
        }
    }

    public record Transition(String id, String name, String toStatus, StatusCategory toCategory) {
    }

    public record FieldInfo(String id, String name, boolean custom, String schemaType, String customType) {
    }

    public record IssueTypeInfo(String id, String name, boolean subtask) {
    }

    public record LinkTypeInfo(String id, String name, String inward, String outward) {
    }

    public record FilterInfo(String id, String name, String jql) {
    }

    public record Screen(String id, String name) {
    }

    public record ScreenTab(String id, String name) {
    }

    public record Board(long id, String name, String type) {
    }

    /** @param issueTypeIds, issueTypeNames the issue types the project's scheme offers (ids and names, in the same order) */
    public record ProjectInfo(String id, String key, String name, List<String> issueTypeIds, List<String> issueTypeNames) {
        public ProjectInfo {
            issueTypeIds = List.copyOf(issueTypeIds);
            issueTypeNames = List.copyOf(issueTypeNames);
        }

        public ProjectInfo(String id, String key, String name, List<String> issueTypeIds) {
            this(id, key, name, issueTypeIds, List.of());
        }
    }

    /**
     * A comment as Hindsight reads it back: its id and the entity properties it carries (the marks Hindsight sets).
     */
    public record Comment(String id, Map<String, Property> properties) {
        public Comment {
            properties = Map.copyOf(properties);
        }
    }
}
