package io.hindsight.jira.port;

/**
 * Whether a project can take a new post-mortem, found out before anything is written: a Jira without the
 * Post-mortem issue type, or a project whose issue type scheme does not offer it, would otherwise fail deep
 * in issue creation with Jira's own "issue type is invalid".
 */
public enum ProjectReadiness {
    READY,
    NO_SUCH_PROJECT,
    /** Jira has no Post-mortem issue type: enabling the app (provisioning) creates it. */
    NO_POST_MORTEM_TYPE,
    /** The type exists but the project's issue type scheme does not offer it: an administrator adds it. */
    TYPE_NOT_IN_PROJECT
}
