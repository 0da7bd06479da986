package io.hindsight.server.cli;

import io.hindsight.server.queue.Databases;
import io.hindsight.server.queue.JobQueue;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Where the job queue lives: H2 under --data-dir, or PostgreSQL. Shared by 'serve' and 'jobs'. */
final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR", description = "Where the H2 job database lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "JDBC_URL", description = "PostgreSQL instead of H2, e.g. jdbc:postgresql://127.0.0.1/hindsight "
            + "(user and password from HINDSIGHT_DATABASE_USER / HINDSIGHT_DATABASE_PASSWORD, or their _FILE variants).")
    String database;

    /** Jobs are tried this often before they are left in the dead-letter list. */
    static final int MAX_ATTEMPTS = 5;

    JobQueue open(Secrets secrets) throws IOException {
        Files.createDirectories(dataDir);
        // credentials from the environment, never the command line; handed to the pool apart from the URL
        return new JobQueue(Databases.open(database, dataDir, secrets.get("HINDSIGHT_DATABASE_USER").orElse(null),
                secrets.get("HINDSIGHT_DATABASE_PASSWORD").orElse(null)), Clock.systemUTC(), MAX_ATTEMPTS);
    }

    String describe() {
        return database == null ? "H2 in " + dataDir : "PostgreSQL";
    }
}
