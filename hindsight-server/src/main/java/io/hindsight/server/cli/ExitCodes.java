package io.hindsight.server.cli;

/**
 * Exit statuses scripts and CI can rely on, the same for every command (the README's table lists them).
 * Each says what kind of thing to fix: the post-mortem, the command line, the network, the credentials;
 * or that a rerun finishes what was left.
 */
final class ExitCodes {
    static final int OK = 0;
    /**
     * The content has errors: lint found errors, or a post-mortem was refused (by the checker, or by Jira or
     * Confluence as asked: a field, a project, an issue that does not exist).
     */
    static final int FINDINGS = 1;
    /** An option, argument, file or configuration cannot be used; the message names it and what to write. */
    static final int USAGE = 2;
    /**
     * Jira, Confluence, the job database or the running service cannot be reached or is not serving: unknown
     * host, refused connection, TLS, timeout, or 5xx / rate limiting after the retries.
     */
    static final int UNREACHABLE = 3;
    /** The credentials were refused (401) or the account lacks a permission (403). */
    static final int ACCESS = 4;
    /** Several items asked for, some done and some not (the output says which); running it again finishes the rest. */
    static final int PARTIAL = 5;
    /** A bug in Hindsight: the message and stack trace are for a bug report. */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
