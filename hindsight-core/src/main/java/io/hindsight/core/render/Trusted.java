package io.hindsight.core.render;

/**
 * Markup built by Hindsight's own format helpers from escaped parts: the only value a page template
 * inserts without escaping. Templates cannot make one; they get them from {@code $fmt}.
 */
public record Trusted(String markup) {
    @Override
    public String toString() {
        return markup;
    }
}
