package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the sandbox's Jira holds, in memory. Callers synchronise on the instance: the sandbox is
 * a test peer, one lock is plenty.
 */
public final class JiraState {
    public record Project(String id, String key, String name) {
    }

    public record IssueType(String id, String name, boolean subtask) {
    }

    public record Field(String id, String name, boolean custom, String schemaType, String customType) {
    }

    public record Status(String id, String name, String categoryKey) {
        public String categoryName() {
            return switch (categoryKey) {
                case "done" -> "Done";
                case "indeterminate" -> "In Progress";
                default -> "To Do";
            };
        }

        public int categoryId() {
            return switch (categoryKey) {
                case "done" -> 3;
                case "indeterminate" -> 4;
                default -> 2;
            };
        }
    }

    /**
     * A workflow transition. {@code fromStatusIds} empty means a global transition, available from every
     * status (as in Jira Software's simplified workflow); otherwise only from those statuses.
     */
    public record Transition(String id, String name, String toStatusId, Set<String> fromStatusIds) {
        public Transition {
            fromStatusIds = Set.copyOf(fromStatusIds);
        }

        public boolean availableFrom(String statusId) {
            return fromStatusIds.isEmpty() || fromStatusIds.contains(statusId);
        }
    }

    /** A named workflow: the transitions an issue of a project that uses it can take. */
    public record Workflow(String name, List<Transition> transitions) {
        public Workflow {
            transitions = List.copyOf(transitions);
        }
    }

    /** @param name Data Center user name; {@code accountId} is Cloud's id */
    public record User(String name, String accountId, String displayName, String email, boolean admin) {
    }

    public record LinkType(String id, String name, String inward, String outward) {
    }

    /** A link "outwardFrom {outward} inwardTo": the issue holding it sees {@code outward}, the other {@code inward}. */
    public record Link(String id, String typeId, String fromKey, String toKey) {
    }

    public record Filter(String id, String name, String jql, String description, String owner) {
    }

    public record Board(long id, String name, String type, String filterId, String projectKey) {
    }

    /** @param properties the comment's entity properties, key to value (set with the comment, as Jira allows) */
    public record Comment(String id, JsonNode body, String author, Instant created, Map<String, JsonNode> properties) {
        public Comment {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        public Comment(String id, JsonNode body, String author, Instant created) {
            this(id, body, author, created, Map.of());
        }
    }

    public static final class Issue {
        public final String id;
        public final String key;
        public final String projectKey;
        public String issueTypeId;
        public String statusId;
        public final ObjectNode fields;
        public final List<Comment> comments = new ArrayList<>();
        public final Map<String, JsonNode> properties = new LinkedHashMap<>();
        public final Instant created;
        public Instant updated;

        Issue(String id, String key, String projectKey, String issueTypeId, String statusId, ObjectNode fields, Instant now) {
            this.id = id;
            this.key = key;
            this.projectKey = projectKey;
            this.issueTypeId = issueTypeId;
            this.statusId = statusId;
            this.fields = fields;
            this.created = now;
            this.updated = now;
        }

        public String text(String field) {
            JsonNode v = fields.get(field);
            return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
        }

        // parsed values, remembered with the JSON node they came from: searches and sorts read them often
        private JsonNode dueSource;
        private Optional<LocalDate> dueValue = Optional.empty();
        private JsonNode labelsSource;
        private List<String> labelsValue = List.of();

        public Optional<LocalDate> due() {
            JsonNode d = fields.get("duedate");
            if (d != dueSource) {
                dueSource = d;
                String t = d == null || d.isNull() ? "" : d.asText();
                dueValue = t.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(t.substring(0, 10)));
            }
            return dueValue;
        }

        public List<String> labels() {
            JsonNode l = fields.get("labels");
            if (l != labelsSource) {
                labelsSource = l;
                List<String> out = new ArrayList<>();
                if (l != null) l.forEach(x -> out.add(x.asText()));
                labelsValue = List.copyOf(out);
            }
            return labelsValue;
        }
    }

    public final Map<String, Project> projects = new LinkedHashMap<>();
    public final Map<String, IssueType> issueTypes = new LinkedHashMap<>();
    public final Map<String, Field> fields = new LinkedHashMap<>();
    public final Map<String, Status> statuses = new LinkedHashMap<>();
    /** Workflows by name, and which one each project uses; a project without an entry uses {@link #defaultWorkflow}. */
    public final Map<String, Workflow> workflows = new LinkedHashMap<>();
    public final Map<String, String> projectWorkflows = new LinkedHashMap<>();
    public String defaultWorkflow = "";
    public final Map<String, User> users = new LinkedHashMap<>();
    public final Map<String, LinkType> linkTypes = new LinkedHashMap<>();
    public final List<Link> links = new ArrayList<>();
    public final Map<String, Filter> filters = new LinkedHashMap<>();
    public final Map<Long, Board> boards = new LinkedHashMap<>();
    /** Screen id to name, and the fields on its one tab. */
    public final Map<String, String> screens = new LinkedHashMap<>();
    public final Map<String, List<String>> screenFields = new LinkedHashMap<>();
    public final Map<String, Issue> issuesByKey = new LinkedHashMap<>();
    public final Map<String, Issue> issuesById = new LinkedHashMap<>();
    private final Map<String, AtomicLong> projectCounters = new LinkedHashMap<>();
    // above every seeded id, so nothing created can replace a seeded object
    private static final long FIRST_ID = 20000;
    private final AtomicLong ids = new AtomicLong(FIRST_ID);

    /** Empties the site, key counters and id sequence included, as a freshly installed Jira would be. */
    public void clear() {
        projects.clear();
        issueTypes.clear();
        fields.clear();
        statuses.clear();
        workflows.clear();
        projectWorkflows.clear();
        defaultWorkflow = "";
        users.clear();
        linkTypes.clear();
        links.clear();
        filters.clear();
        boards.clear();
        screens.clear();
        screenFields.clear();
        issuesByKey.clear();
        issuesById.clear();
        projectCounters.clear();
        ids.set(FIRST_ID);
    }

    /** The workflow issues of this project follow. */
    public Workflow workflowOf(String projectKey) {
        Workflow w = workflows.get(projectWorkflows.getOrDefault(projectKey, defaultWorkflow));
        if (w == null) throw new IllegalStateException("no workflow for project " + projectKey + "; known: " + workflows.keySet());
        return w;
    }

    /** The transitions an issue can take from where it stands, in the workflow's order. */
    public List<Transition> transitionsOf(Issue i) {
        return workflowOf(i.projectKey).transitions().stream().filter(t -> t.availableFrom(i.statusId)).toList();
    }

    public Optional<Status> statusByName(String name) {
        return statuses.values().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    public String nextId() {
        return String.valueOf(ids.incrementAndGet());
    }

    public Issue addIssue(String projectKey, String issueTypeId, ObjectNode fields, Instant now) {
        long n = projectCounters.computeIfAbsent(projectKey, k -> new AtomicLong()).incrementAndGet();
        Issue i = new Issue(nextId(), projectKey + "-" + n, projectKey, issueTypeId, firstStatus().id(), fields, now);
        issuesByKey.put(i.key, i);
        issuesById.put(i.id, i);
        return i;
    }

    public Status firstStatus() {
        return statuses.values().iterator().next();
    }

    public Optional<Issue> issue(String idOrKey) {
        return Optional.ofNullable(issuesByKey.getOrDefault(idOrKey, issuesById.get(idOrKey)));
    }

    public Optional<IssueType> issueTypeByIdOrName(String idOrName) {
        if (issueTypes.containsKey(idOrName)) return Optional.of(issueTypes.get(idOrName));
        return issueTypes.values().stream().filter(t -> t.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    public Optional<LinkType> linkTypeByName(String name) {
        return linkTypes.values().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<User> userByIdOrName(String s) {
        return users.values().stream().filter(u -> u.name().equals(s) || u.accountId().equals(s)).findFirst();
    }

    /** Keys of the issues linked to {@code key} where {@code key}'s side reads {@code phrase} (or the type is named so). */
    public List<String> linkedIssues(String key, String phrase) {
        List<String> out = new ArrayList<>();
        for (Link l : links) {
            LinkType t = linkTypes.get(l.typeId());
            if (l.fromKey().equals(key) && (phrase == null || t.outward().equalsIgnoreCase(phrase) || t.name().equalsIgnoreCase(phrase))) out.add(l.toKey());
            if (l.toKey().equals(key) && (phrase == null || t.inward().equalsIgnoreCase(phrase) || t.name().equalsIgnoreCase(phrase))) out.add(l.fromKey());
        }
        return out;
    }
}
