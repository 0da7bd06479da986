package io.hindsight.sandbox.jira;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workflows the sandbox's Jira ships with, over its three statuses (To Do 10000, In Progress 3,
 * Done 10001). Others can be defined per project through {@code PUT /sandbox/workflows/{project}}.
 */
public enum Workflows {
    /** Jira Software's simplified workflow: every status is one global transition away. */
    SIMPLIFIED(new JiraState.Workflow("simplified", List.of(
            new JiraState.Transition("11", "To Do", "10000", Set.of()),
            new JiraState.Transition("21", "In Progress", "3", Set.of()),
            new JiraState.Transition("31", "Done", "10001", Set.of())))),
    /**
     * To Do → In Progress → Done, as many company-managed projects have it: no direct transition from To
     * Do to Done, so closing an open ticket takes two steps.
     */
    STEPWISE(new JiraState.Workflow("stepwise", List.of(
            new JiraState.Transition("11", "Start Progress", "3", Set.of("10000")),
            new JiraState.Transition("21", "Stop Progress", "10000", Set.of("3")),
            new JiraState.Transition("31", "Done", "10001", Set.of("3")),
            new JiraState.Transition("41", "Reopen", "10000", Set.of("10001")))));

    private final JiraState.Workflow workflow;

    Workflows(JiraState.Workflow workflow) {
        this.workflow = workflow;
    }

    public JiraState.Workflow workflow() {
        return workflow;
    }

    /** By its name ("simplified", "stepwise"), case aside; the error lists the names there are. */
    public static Workflows named(String name) {
        for (Workflows w : values()) if (w.workflow.name().equals(name.toLowerCase(Locale.ROOT).strip())) return w;
        throw new IllegalArgumentException("no workflow named '" + name + "'; the sandbox has: simplified, stepwise");
    }
}
