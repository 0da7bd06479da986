package io.hindsight.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets come from the environment ({@code HINDSIGHT_JIRA_TOKEN}) or from a file the environment names
 * ({@code HINDSIGHT_JIRA_TOKEN_FILE}, as Docker and Kubernetes mount secrets); never from the command
 * line or hindsight.yaml, where shell history, {@code ps} and repositories would keep them.
 */
final class Secrets {
    private final Map<String, String> env;

    Secrets(Map<String, String> env) {
        this.env = env;
    }

    static Secrets fromEnvironment() {
        return new Secrets(System.getenv());
    }

    /** The secret named, trimmed of the line break files end with; empty when neither variable is set. */
    Optional<String> get(String name) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) return Optional.of(value);
        String file = env.get(name + "_FILE");
        if (file == null || file.isBlank()) return Optional.empty();
        try {
            String content = Files.readString(Path.of(file)).strip();
            if (content.isEmpty()) throw new IllegalArgumentException(name + "_FILE names " + file + ", which is empty");
            return Optional.of(content);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + "_FILE names " + file + ", which cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** How a user sets the secret, for messages. */
    static String howToSet(String name) {
        return name + " (or " + name + "_FILE naming a file that holds it)";
    }
}
