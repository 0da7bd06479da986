package com.atlassian.util.profiling;

/**
 * Test-only stand-in for atlassian-profiling's Metrics, which Active Objects' EntityManager calls around
 * every query. In Jira the real one records timings; here a metric does nothing.
 */
public final class Metrics {
    private Metrics() {
    }

    public static Builder metric(String name) {
        return new Builder();
    }

    public static final class Builder {
        public Builder tag(String key, String value) {
            return this;
        }

        public Builder withAnalytics() {
            return this;
        }

        public Builder invokerPluginKey(String pluginKey) {
            return this;
        }

        public Ticker startTimer() {
            return () -> { };
        }
    }
}
