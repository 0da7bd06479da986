package io.hindsight.jira.port;

/** Runs one sync of a post-mortem (the core's SyncPostMortem). Throws, saying why, when it did not finish. */
public interface SyncRunner {
    /** @return what the sync did, in a line for the admin page */
    String sync(String postMortemKey);
}
