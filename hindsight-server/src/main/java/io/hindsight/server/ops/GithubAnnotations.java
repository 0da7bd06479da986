package io.hindsight.server.ops;

import io.hindsight.core.usecase.LintResult;

import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;

import java.util.List;

/**
 * Lint findings as GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), so a
 * pull request that changes a post-mortem shows each finding on its line.
 */
public final class GithubAnnotations {
    private GithubAnnotations() {
    }

    public static String write(List<LintResult> results) {
        StringBuilder sb = new StringBuilder();
        for (LintResult r : results) {
            for (Finding f : r.report().findings()) {
                String command = f.level() == Level.ERROR ? "error" : f.level() == Level.WARNING ? "warning" : "notice";
                sb.append("::").append(command).append(" file=").append(property(r.file()));
                if (f.line() > 0) sb.append(",line=").append(f.line());
                sb.append(",title=").append(property(f.rule()));
                String message = f.message() + (f.suggestion().isEmpty() ? "" : "\nSuggestion: " + f.suggestion());
                sb.append("::").append(data(message)).append('\n');
            }
        }
        return sb.toString();
    }

    /** GitHub's escaping for a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** ... and for its properties, where ':' and ',' separate things. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
