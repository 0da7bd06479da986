package io.hindsight.core.lint.blameless;

/**
 * One problem a rule found in a sentence.
 *
 * @param rule        the rule id, e.g. {@code blameless.failed-to}
 * @param confidence  how sure the rule is, 0..1
 * @param from        first token of the words that show it
 * @param to          token after them
 * @param agent       who the sentence blames, when the rule found one (may be null)
 * @param replacement what could stand in the agent's place in a rewrite ("A command"), or null
 */
record Hit(String rule, double confidence, int from, int to, Agent agent, String replacement) {
    Hit(String rule, double confidence, int from, int to, Agent agent) {
        this(rule, confidence, from, to, agent, null);
    }
}
