package io.hindsight.jira.web.view;

import io.hindsight.core.lint.Finding;

/** One finding, as a template shows it. Immutable; templates may call only its getters (see the allowlist). */
public final class FindingView {
    private final String rule;
    private final String level;
    private final String section;
    private final String message;
    private final String sentence;
    private final String suggestion;

    public FindingView(Finding f) {
        this.rule = f.rule();
        this.level = f.level().label();
        this.section = f.section();
        this.message = f.message();
        this.sentence = f.excerpt();
        this.suggestion = f.suggestion();
    }

    public String getRule() {
        return rule;
    }

    /** error, warning or info. */
    public String getLevel() {
        return level;
    }

    public String getSection() {
        return section;
    }

    public String getMessage() {
        return message;
    }

    /** The words that triggered it. */
    public String getSentence() {
        return sentence;
    }

    /** A rewrite or what to do instead; may be empty. */
    public String getSuggestion() {
        return suggestion;
    }
}
