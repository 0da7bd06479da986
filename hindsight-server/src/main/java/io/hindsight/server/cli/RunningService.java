package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The 'hindsight serve' that has an H2 data directory open, as a note it leaves in that directory: H2's file
 * belongs to one process, so 'hindsight jobs' asks that service over its API instead of opening the file.
 *
 * @param pid the service's process
 * @param url where its HTTP side answers, e.g. http://127.0.0.1:8080
 */
record RunningService(long pid, URI url) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "hindsight-serve.json";

    /** Notes the service in the data directory, replacing the file in one step. */
    static void note(Path dataDir, String bind, int port) throws IOException {
        // a service listening on every address is reached on loopback from the same machine
        String host = bind.equals("0.0.0.0") || bind.equals("::") || bind.isBlank() ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
        Path tmp = Files.createTempFile(dataDir, ".hindsight-serve", ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(Map.of("pid", ProcessHandle.current().pid(), "url", "http://" + host + ":" + port)));
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the note when the service stops (a killed service leaves it; {@link #find} ignores a dead one). */
    static void forget(Path dataDir) {
        try {
            Optional<RunningService> noted = read(dataDir);
            if (noted.isEmpty() || noted.get().pid() == ProcessHandle.current().pid()) Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // a note left behind names a process that no longer runs, which find() ignores
        }
    }

    /** The service noted in the data directory, if its process still runs. */
    static Optional<RunningService> find(Path dataDir) {
        return read(dataDir).filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    private static Optional<RunningService> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            return Optional.of(new RunningService(n.path("pid").asLong(), URI.create(n.path("url").asText())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
