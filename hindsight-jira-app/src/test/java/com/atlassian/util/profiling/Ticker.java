package com.atlassian.util.profiling;

/** Test-only stand-in for atlassian-profiling's Ticker (see {@link Metrics}). */
public interface Ticker extends AutoCloseable {
    @Override
    void close();
}
