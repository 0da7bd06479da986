package io.hindsight.atlassian.provision;

import java.util.List;

/** What provisioning found and what it would do, step by step; printed by a dry run. */
public record ProvisionPlan(ProvisioningSpec spec, List<Step> steps) {
    public enum Status { EXISTS, CREATE, MANUAL, CONFLICT }

    public enum Kind { ISSUE_TYPE, ISSUE_TYPE_IN_PROJECT, FIELD, SCREEN_FIELD, LINK_TYPE, FILTER, BOARD, PARENT_PAGE }

    /**
     * @param key    what the step is about (a field's key, a name)
     * @param id     the id found, when it exists
     * @param detail what will happen, or what an admin must do by hand
     * @param target where a change goes (screen and tab ids), or null
     */
    public record Step(Kind kind, String key, Status status, String id, String detail, List<String> target) {
        public Step(Kind kind, String key, Status status, String id, String detail) {
            this(kind, key, status, id, detail, List.of());
        }

        public Step {
            target = target == null ? List.of() : List.copyOf(target);
        }
    }

    public ProvisionPlan {
        steps = List.copyOf(steps);
    }

    public List<Step> toCreate() {
        return steps.stream().filter(s -> s.status() == Status.CREATE).toList();
    }

    public boolean nothingToDo() {
        return steps.stream().noneMatch(s -> s.status() == Status.CREATE);
    }

    /** One line per step, for people. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(String.format("%-8s %-22s %-28s %s%n", s.status(), s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    s.key(), s.id() == null ? s.detail() : "id " + s.id() + (s.detail().isEmpty() ? "" : " - " + s.detail())));
        }
        return sb.toString();
    }
}
