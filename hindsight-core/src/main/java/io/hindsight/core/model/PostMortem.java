package io.hindsight.core.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A post-mortem: metadata, the sections in the author's order, and the structured parts read out
 * of them. Immutable; every list is a copy.
 *
 * @param key        the Jira issue key once the post-mortem is an issue, else null
 * @param approved   the date it was approved; remediation due dates count from it by default
 * @param template   the template id the author chose, or null to choose by severity
 * @param metadata   any front-matter field Hindsight has no name for, kept as written
 */
public record PostMortem(String key, String title, Severity severity, State state, IncidentTimes times,
                         LocalDate approved, List<String> services, List<String> authors,
                         List<String> approvers, String template, List<Section> sections,
                         List<String> fiveWhys, List<ContributingFactor> contributingFactors,
                         List<TimelineEntry> timeline, List<ActionItem> actionItems,
                         Map<String, Object> metadata) {
    public PostMortem {
        title = Objects.requireNonNull(title, "title").strip();
        state = state == null ? State.DRAFT : state;
        times = times == null ? IncidentTimes.UNKNOWN : times;
        services = copy(services);
        authors = copy(authors);
        approvers = copy(approvers);
        sections = copy(sections);
        fiveWhys = copy(fiveWhys);
        contributingFactors = copy(contributingFactors);
        timeline = copy(timeline);
        actionItems = copy(actionItems);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public Optional<String> issueKey() { return Optional.ofNullable(key); }
    public Optional<Severity> severityLevel() { return Optional.ofNullable(severity); }
    public Optional<LocalDate> approvedOn() { return Optional.ofNullable(approved); }
    public Optional<String> templateId() { return Optional.ofNullable(template); }

    /** The first section of that kind, if the author wrote one. */
    public Optional<Section> section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** Whether a section has content: text, or for structured sections, at least one item. */
    public boolean hasContent(SectionKind kind) {
        boolean items = switch (kind) {
            case FIVE_WHYS -> !fiveWhys.isEmpty();
            case CONTRIBUTING_FACTORS -> !contributingFactors.isEmpty();
            case TIMELINE -> !timeline.isEmpty();
            case ACTION_ITEMS -> !actionItems.isEmpty();
            default -> false;
        };
        return items || section(kind).map(Section::hasText).orElse(false);
    }

    public PostMortem withKey(String newKey) {
        return new PostMortem(newKey, title, severity, state, times, approved, services, authors, approvers,
                template, sections, fiveWhys, contributingFactors, timeline, actionItems, metadata);
    }

    public PostMortem withApproved(LocalDate day) {
        return new PostMortem(key, title, severity, state, times, day, services, authors, approvers,
                template, sections, fiveWhys, contributingFactors, timeline, actionItems, metadata);
    }

    public PostMortem withActionItems(List<ActionItem> items) {
        return new PostMortem(key, title, severity, state, times, approved, services, authors, approvers,
                template, sections, fiveWhys, contributingFactors, timeline, items, metadata);
    }
}
