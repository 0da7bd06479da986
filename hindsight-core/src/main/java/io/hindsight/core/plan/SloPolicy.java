package io.hindsight.core.plan;

import io.hindsight.core.model.Severity;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How long each class of action may take, per severity, and what a remediation ticket gets.
 *
 * @param countFrom      the date due dates count from
 * @param classes        per action class: a period per severity, and {@code otherwise} for the rest
 * @param jiraPriority   the Jira priority name a ticket gets, by the post-mortem's severity
 * @param labels         labels every remediation ticket carries
 * @param defaultProject where tickets go when an action names no project; null to use the post-mortem's
 * @param blockingConfidence how sure (0..1) the blameless checker must be before a finding is an error that
 *                       blocks publishing; less certain findings are warnings
 */
public record SloPolicy(DueBasis countFrom, Map<String, ClassRule> classes, Map<Severity, String> jiraPriority,
                        List<String> labels, String defaultProject, double blockingConfidence) {
    /** The blocking confidence when a policy names none. */
    public static final double DEFAULT_BLOCKING_CONFIDENCE = 0.8;

    /** @param otherwise the period for severities not listed; null for "no due date" */
    public record ClassRule(Map<Severity, Period> bySeverity, Period otherwise) {
        public ClassRule {
            bySeverity = Map.copyOf(bySeverity);
        }

        Optional<Period> periodFor(Severity severity) {
            if (severity != null && bySeverity.containsKey(severity)) return Optional.of(bySeverity.get(severity));
            return Optional.ofNullable(otherwise);
        }
    }

    public SloPolicy {
        classes = Map.copyOf(classes);
        jiraPriority = Map.copyOf(jiraPriority);
        labels = List.copyOf(labels);
        if (!(blockingConfidence >= 0 && blockingConfidence <= 1)) {
            throw new IllegalArgumentException("blockingConfidence must be within 0..1, not " + blockingConfidence);
        }
    }

    /** A policy with the default blocking confidence. */
    public SloPolicy(DueBasis countFrom, Map<String, ClassRule> classes, Map<Severity, String> jiraPriority,
                     List<String> labels, String defaultProject) {
        this(countFrom, classes, jiraPriority, labels, defaultProject, DEFAULT_BLOCKING_CONFIDENCE);
    }

    /** The action classes authors may use, e.g. priority and improvement. */
    public Set<String> actionClasses() {
        return classes.keySet();
    }

    public Optional<Period> dueAfter(String actionClass, Severity severity) {
        ClassRule rule = classes.get(actionClass);
        return rule == null ? Optional.empty() : rule.periodFor(severity);
    }

    public Optional<String> priorityFor(Severity severity) {
        return Optional.ofNullable(severity == null ? null : jiraPriority.get(severity));
    }
}
