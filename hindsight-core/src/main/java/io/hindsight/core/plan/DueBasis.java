package io.hindsight.core.plan;

/** The date remediation due dates count from. */
public enum DueBasis {
    /** The post-mortem's approval date (the handbook's rule). */
    APPROVED,
    /** The incident's resolution. */
    RESOLVED,
    /** The incident's start. */
    STARTED
}
