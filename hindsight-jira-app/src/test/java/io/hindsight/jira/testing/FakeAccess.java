package io.hindsight.jira.testing;

import io.hindsight.jira.port.Access;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A signed-in user who may browse the issues named, and is an admin or not. */
public final class FakeAccess implements Access {
    private final Set<String> browsable = new HashSet<>();
    private String user = "alice";
    private boolean admin;

    public FakeAccess browsing(String... keys) {
        browsable.addAll(Set.of(keys));
        return this;
    }

    public FakeAccess admin(boolean isAdmin) {
        this.admin = isAdmin;
        return this;
    }

    public FakeAccess anonymous() {
        this.user = null;
        return this;
    }

    @Override
    public Optional<String> currentUser() {
        return Optional.ofNullable(user);
    }

    @Override
    public boolean canBrowse(String issueKey) {
        return user != null && browsable.contains(issueKey);
    }

    @Override
    public boolean isAdmin() {
        return user != null && admin;
    }
}
