package io.hindsight.server.cli;

import io.hindsight.server.queue.Databases;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.QueueException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
    /** H2's error code for a database file another process has open. */
    private static final int H2_FILE_LOCKED = 90020;

    /** The queue for 'serve': the data directory and database are created when missing; closing the queue closes the database. */
    JobQueue open(Secrets secrets) throws IOException {
        if (h2()) Files.createDirectories(dataDir);
        return connect(secrets);
    }

    /**
     * The queue for tools that read it ('jobs'): it must exist already; nothing is created where there is no
     * queue. {@link #h2Missing()} says so beforehand for H2.
     */
    JobQueue openExisting(Secrets secrets) {
        return connect(secrets);
    }

    private JobQueue connect(Secrets secrets) {
        try {
            // credentials from the environment, never the command line; handed to the pool apart from the URL
            return JobQueue.owning(Databases.open(database, dataDir, secrets.get("HINDSIGHT_DATABASE_USER").orElse(null),
                    secrets.get("HINDSIGHT_DATABASE_PASSWORD").orElse(null)), Clock.systemUTC(), MAX_ATTEMPTS);
        } catch (QueueException | org.flywaydb.core.api.FlywayException e) {
            if (lockedByAnotherProcess(e)) throw new InUse(h2File(), e);
            throw e instanceof QueueException q ? q : new QueueException("cannot prepare the job database: " + e.getMessage(), e);
        }
    }

    /** The H2 file is held by another process: a running 'hindsight serve', usually. */
    static final class InUse extends QueueException {
        InUse(Path file, Throwable cause) {
            super("the job database " + file + " is in use by another process (a 'hindsight serve' on this --data-dir?)", cause);
        }
    }

    private static boolean lockedByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == H2_FILE_LOCKED) return true;
        }
        return false;
    }

    boolean h2() {
        return database == null || database.isBlank();
    }

    Path h2File() {
        return Databases.h2File(dataDir).toAbsolutePath().normalize();
    }

    /** H2 in a data directory that holds no job database: nothing to read there. */
    boolean h2Missing() {
        return h2() && !Databases.h2Exists(dataDir);
    }

    String describe() {
        return h2() ? "H2 in " + dataDir : "PostgreSQL";
    }
}
