package io.hindsight.server.web;

import io.hindsight.core.report.RemediationReport;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP side on a free loopback port over a fresh in-memory queue: what the web tests talk to. */
final class TestService implements AutoCloseable {
    static final String SECRET = "webhook-secret-of-the-web-tests";
    private static final AtomicInteger DBS = new AtomicInteger();

    final Signature signature = new Signature(SECRET);
    final JobQueue queue;
    final HttpService http;
    final String base;

    private TestService(JobQueue queue, HttpService http) {
        this.queue = queue;
        this.http = http;
        this.base = "http://127.0.0.1:" + http.port();
    }

    /** A queue of its own, in memory, giving each job {@code attempts} tries. */
    static JobQueue queue(int attempts, Clock clock) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:web-test-" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return new JobQueue(db, clock, attempts);
    }

    /** Webhooks, health and metrics only. */
    static TestService start() throws IOException {
        JobQueue queue = queue(3, Clock.systemUTC());
        return new TestService(queue, new HttpService("127.0.0.1", 0, new WebhookIntake(new Signature(SECRET), queue), queue));
    }

    /** With the JSON API (its use cases absent: only the job calls work) and the web page (an empty report), behind {@code token}. */
    static TestService withPageAndApi(String token) throws IOException {
        TestService s = start();
        Access access = Access.of(Optional.of(new ApiToken(token)));
        s.http.mount("/api/", new JsonApi(access, s.queue, null, null, null, "PM"));
        s.http.mount("/", new Dashboard(access, s.queue, () -> RemediationReport.data(List.of(), LocalDate.of(2026, 11, 26)), Clock.systemUTC()));
        return s;
    }

    @Override
    public void close() {
        http.close();
    }
}
