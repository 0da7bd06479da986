package io.hindsight.core.lint;

import java.util.Comparator;
import java.util.List;

/** All findings for one post-mortem, in source order. */
public record LintReport(List<Finding> findings) {
    public LintReport {
        findings = findings.stream()
                .sorted(Comparator.comparingInt((Finding f) -> f.line() == 0 ? Integer.MAX_VALUE : f.line())
                        .thenComparing(Finding::level).thenComparing(Finding::rule))
                .toList();
    }

    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    public boolean hasErrors() {
        return count(Level.ERROR) > 0;
    }

    public List<Finding> inFamily(String family) {
        return findings.stream().filter(f -> f.family().equals(family)).toList();
    }
}
