package io.hindsight.server.cli;

import io.hindsight.atlassian.provision.ProvisionedIds;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --ids-file}: the ids 'hindsight provision' wrote (fields, issue type, link type, board, parent page). */
final class IdsFileOption {
    @Option(names = "--ids-file", defaultValue = "hindsight-ids.json", paramLabel = "FILE",
            description = "The ids 'hindsight provision' wrote: fields, issue type, link type (default: ${DEFAULT-VALUE}).")
    Path file;

    ProvisionedIds read() {
        return io.hindsight.server.service.Wiring.readIds(file);
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }
}
