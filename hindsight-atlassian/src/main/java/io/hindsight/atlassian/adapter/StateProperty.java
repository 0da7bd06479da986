package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.core.model.SyncState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hindsight's {@link SyncState} as the entity property on a post-mortem ({@code hindsight.postmortem}): a flat object
 * of strings, so that the Jira app (which writes the same property) and people reading it with the REST API see plain
 * values. Lists are one value per line; a property written before a key existed reads as that key's absence. The Jira
 * app writes the same values in-process ({@link #values}, {@link #read(Map)}), so either host reads what the other wrote.
 */
public final class StateProperty {
    private StateProperty() {
    }

    static JiraModel.Property write(SyncState state) {
        return new JiraModel.Property(values(state));
    }

    static SyncState read(JiraModel.Property p) {
        return read(p.values());
    }

    /** The property's values for a state: every value a string, absent values left out, {@code pageVersion} always written. */
    public static Map<String, String> values(SyncState state) {
        Map<String, String> v = new LinkedHashMap<>();
        if (state.pageId() != null) v.put("pageId", state.pageId());
        if (state.renderedHash() != null) v.put("renderedHash", state.renderedHash());
        if (state.savedHash() != null) v.put("savedHash", state.savedHash());
        v.put("pageVersion", String.valueOf(state.pageVersion()));
        if (state.reportHash() != null) v.put("reportHash", state.reportHash());
        if (state.toldTickets() != null) v.put("toldTickets", String.join("\n", state.toldTickets()));
        if (!state.outbox().isEmpty()) v.put("outbox", String.join("\n", state.outbox()));
        if (state.unsettledUntil() != null) v.put("unsettledUntil", state.unsettledUntil().toString());
        if (!state.stuck().isEmpty()) {
            List<String> lines = new ArrayList<>();
            state.stuck().forEach((k, s) -> lines.add(k + "\t" + s));
            v.put("stuck", String.join("\n", lines));
        }
        if (!state.healed().isEmpty()) v.put("healed", String.join("\n", state.healed()));
        if (!state.unknownOwners().isEmpty()) v.put("unknownOwners", String.join("\n", state.unknownOwners()));
        return v;
    }

    /** The state the property's values hold; a value that cannot be read is taken as absent. */
    public static SyncState read(Map<String, String> values) {
        JiraModel.Property p = new JiraModel.Property(values);
        Map<String, String> stuck = new LinkedHashMap<>();
        for (String line : lines(p, "stuck")) {
            int tab = line.indexOf('\t');
            if (tab > 0) stuck.put(line.substring(0, tab), line.substring(tab + 1));
        }
        String version = p.get("pageVersion").orElse("0");
        return new SyncState(p.get("pageId").orElse(null), p.get("renderedHash").orElse(null), p.get("savedHash").orElse(null),
                version.matches("\\d{1,9}") ? Integer.parseInt(version) : 0, p.get("reportHash").orElse(null),
                p.get("toldTickets").map(StateProperty::split).orElse(null), lines(p, "outbox"),
                p.get("unsettledUntil").flatMap(StateProperty::instant).orElse(null), stuck, lines(p, "healed"), lines(p, "unknownOwners"));
    }

    private static java.util.Optional<Instant> instant(String text) {
        try {
            return java.util.Optional.of(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<String> lines(JiraModel.Property p, String key) {
        return p.get(key).map(StateProperty::split).orElse(List.of());
    }

    private static List<String> split(String value) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\n"));
    }
}
