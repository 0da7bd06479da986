package io.hindsight.jira.port;

/** Runs one sync of a post-mortem (load, analyse, reconcile, publish, tell). Throws when it did not finish. */
public interface SyncRunner {
    void sync(String postMortemKey) throws Exception;
}
