package io.hindsight.jira.port;

import java.util.Optional;

/** What the signed-in user may do, as Jira's permissions say. */
public interface Access {
    /** The user's key, empty when anonymous. */
    Optional<String> currentUser();

    /** May the current user see this issue? False for an issue that does not exist. */
    boolean canBrowse(String issueKey);

    /** Is the current user a Jira administrator? */
    boolean isAdmin();
}
