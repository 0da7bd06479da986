package io.hindsight.bench;

import io.hindsight.server.queue.Databases;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.Worker;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long a killed instance's job waits before another instance takes it over, on PostgreSQL: an instance (a
 * separate JVM running a real {@link Worker}, renewing its lease by heartbeat) holds a job, is killed with
 * SIGKILL, and the time until a worker in this JVM, with the default lease, claims the same job is printed.
 * Run: {@code HINDSIGHT_BENCH_POSTGRES_URL=jdbc:postgresql://...?user=...&password=... java -cp
 * hindsight-bench/target/benchmarks.jar io.hindsight.bench.TakeoverBenchmark [runs]} (its tables there are dropped first).
 */
public final class TakeoverBenchmark {
    private TakeoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv("HINDSIGHT_BENCH_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            System.out.println("set HINDSIGHT_BENCH_POSTGRES_URL to a PostgreSQL database (its job tables are dropped first)");
            return;
        }
        if (args.length > 0 && args[0].equals("--hold")) {
            hold(url);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        DataSource db = Databases.open(url, Path.of("."));
        List<Double> seconds = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int run = 1; run <= runs; run++) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS jobs, deliveries, flyway_schema_history CASCADE");
            }
            JobQueue queue = new JobQueue(db, Clock.systemUTC(), 5);
            queue.accept("takeover-" + run, "jira:issue_updated", "PM-1", "PM-1");

            Process holder = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), TakeoverBenchmark.class.getName(), "--hold")
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); ; line = out.readLine()) {
                if (line == null) throw new IllegalStateException("the holding instance stopped before it claimed the job");
                if (line.startsWith("holding")) break;
            }
            CountDownLatch taken = new CountDownLatch(1);
            long[] at = new long[1];
            Worker survivor = new Worker(queue, pm -> {
                at[0] = System.nanoTime();
                taken.countDown();
            }, "survivor-" + run, Duration.ofMillis(200));
            // the other instance is already running, as it would be: its look for expired leases keeps its own rhythm,
            // unrelated to the holder's heartbeats
            Thread.sleep(random.nextInt((int) (Worker.DEFAULT_LEASE.toMillis() / 4)));
            Thread t = new Thread(survivor, "survivor");
            t.start();
            // let it renew its lease a few times, as a long sync would, then kill it at a random moment between two heartbeats
            Thread.sleep(Worker.DEFAULT_LEASE.toMillis() / 2 + random.nextInt((int) (Worker.DEFAULT_LEASE.toMillis() / 4)));
            holder.destroyForcibly().waitFor();
            long killed = System.nanoTime();

            if (!taken.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("the job was not taken over within 5 minutes");
            survivor.stop();
            t.join();
            double s = (at[0] - killed) / 1e9;
            seconds.add(s);
            System.out.printf("run %d: the killed instance's job was taken over after %.1f s%n", run, s);
        }
        seconds.sort(null);
        System.out.printf("takeover after kill -9 (PostgreSQL, lease %d s renewed every %d s, checked every %d s): min %.1f s, median %.1f s, max %.1f s over %d runs%n",
                Worker.DEFAULT_LEASE.toSeconds(), Worker.DEFAULT_LEASE.toSeconds() / 4, Worker.DEFAULT_LEASE.toSeconds() / 4,
                seconds.get(0), seconds.get(seconds.size() / 2), seconds.get(seconds.size() - 1), seconds.size());
        Databases.close(db);
    }

    /** The instance that dies: claims the job with a real worker whose sync never ends, and says so. */
    private static void hold(String url) throws InterruptedException {
        JobQueue queue = new JobQueue(Databases.open(url, Path.of(".")), Clock.systemUTC(), 5);
        Worker worker = new Worker(queue, pm -> {
            System.out.println("holding " + pm);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder-" + ProcessHandle.current().pid(), Duration.ofMillis(200));
        worker.run();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
