package io.hindsight.server.web;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a system the service depends on (Jira, Confluence) answers. It is probed on a schedule, not
 * per request: a load balancer's probe must answer at once, and must not turn into load on Jira.
 */
public final class UpstreamCheck {
    private final String name;
    private final Callable<?> probe;
    private final AtomicReference<String> problem = new AtomicReference<>("not checked yet");

    /** @param probe a cheap request that throws when the system cannot be used */
    public UpstreamCheck(String name, Callable<?> probe) {
        this.name = name;
        this.probe = probe;
    }

    /** Runs the probe once and keeps the outcome. */
    public void refresh() {
        try {
            probe.call();
            problem.set(null);
        } catch (Exception e) {
            problem.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** What is wrong, as of the last probe; empty when it answered. */
    public Optional<String> problem() {
        String p = problem.get();
        return p == null ? Optional.empty() : Optional.of(name + ": " + p);
    }
}
