package io.hindsight.server.cli;

/** Exit statuses scripts and CI can rely on. */
final class ExitCodes {
    static final int OK = 0;
    /** The command ran and found errors (lint) or could not finish its job. */
    static final int FINDINGS = 1;
    /** Bad arguments, unreadable files or configuration. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
