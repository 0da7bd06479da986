package io.hindsight.core;

import org.junit.Assume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Atlassian's published contracts are test data outside the project: found through the
 * {@code HINDSIGHT_CONTRACTS} environment variable or a {@code shared/contracts} folder beside the
 * checkout. A user's fresh clone has neither, and those tests skip saying so; in CI they must run.
 */
public final class Contracts {
    private Contracts() {
    }

    public static Optional<Path> dir() {
        String env = System.getenv("HINDSIGHT_CONTRACTS");
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env)).filter(Files::isDirectory);
        for (String candidate : List.of("../shared/contracts", "../../shared/contracts", "../../../shared/contracts")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) return Optional.of(p.toAbsolutePath().normalize());
        }
        return Optional.empty();
    }

    /** The contract file, or the test is skipped with a message (and fails in CI, where contracts must be present). */
    public static Path require(String fileName) {
        Optional<Path> file = dir().map(d -> d.resolve(fileName)).filter(Files::isRegularFile);
        String message = "Atlassian contract " + fileName + " not found: set HINDSIGHT_CONTRACTS to the folder holding "
                + "Atlassian's OpenAPI and ADF documents (../shared/contracts in CI). Skipping.";
        if (file.isEmpty() && "true".equals(System.getenv("CI"))) throw new AssertionError(message.replace("Skipping.", "CI must have it."));
        Assume.assumeTrue(message, file.isPresent());
        return file.get();
    }
}
