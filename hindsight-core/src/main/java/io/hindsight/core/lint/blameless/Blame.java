package io.hindsight.core.lint.blameless;

/**
 * One way a sentence blames someone, as this package judges it; the checker that reviews a whole post-mortem
 * turns it into a finding with its place. This package speaks its own terms so that it depends on nothing of
 * the checker's (the checker depends on it, not both ways).
 *
 * @param weight     how much it weighs: whether it should hold a post-mortem back, only warn, or advise
 * @param confidence how sure the rule is, 0 to 1, two decimals
 * @param excerpt    the words that show it
 */
public record Blame(String rule, Weight weight, double confidence, String message, String excerpt, String suggestion) {
    public enum Weight {
        /** Sure enough, and serious enough, to hold the post-mortem back. */
        BLOCKING,
        WARNING,
        ADVICE
    }
}
