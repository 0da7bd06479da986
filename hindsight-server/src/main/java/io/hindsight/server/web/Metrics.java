package io.hindsight.server.web;

import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The service's counters, in Prometheus' text format at {@code GET /metrics}. */
public final class Metrics {
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong syncMicros = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private final JobQueue queue;
    private final Requests requests;

    /** The requests sent to Jira and Confluence so far: reads, writes, retries. */
    public interface Requests {
        RequestCounter.Snapshot snapshot();

        Requests NONE = () -> new RequestCounter().snapshot();
    }

    /** @param requests the requests sent to Jira and Confluence so far */
    public Metrics(JobQueue queue, Requests requests) {
        this.queue = queue;
        this.requests = requests;
    }

    /** @param outcome queued, joined, duplicate, ignored, refused */
    public void delivery(String outcome) {
        deliveries.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    /** @param reason why a delivery was refused: too_large, not_signed, not_json, field_too_long */
    public void refused(String reason) {
        refused.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
    }

    /** A call turned away with 503 because every handler thread was busy and the waiting line full. */
    public void busy() {
        busy.incrementAndGet();
    }

    /** @param result done, failed, deferred (waits for an unsettled create) or refused (no post-mortem) */
    public void job(String result, long micros) {
        jobs.computeIfAbsent(result, k -> new AtomicLong()).incrementAndGet();
        syncs.incrementAndGet();
        syncMicros.addAndGet(micros);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP hindsight_webhook_deliveries_total Webhook deliveries by outcome.\n# TYPE hindsight_webhook_deliveries_total counter\n");
        deliveries.forEach((k, v) -> sb.append("hindsight_webhook_deliveries_total{outcome=\"").append(k).append("\"} ").append(v.get()).append('\n'));
        sb.append("# HELP hindsight_webhook_refused_total Webhook deliveries refused, by reason.\n# TYPE hindsight_webhook_refused_total counter\n");
        refused.forEach((k, v) -> sb.append("hindsight_webhook_refused_total{reason=\"").append(k).append("\"} ").append(v.get()).append('\n'));
        sb.append("# HELP hindsight_http_busy_total Calls answered 503 because every request handler was busy.\n# TYPE hindsight_http_busy_total counter\n");
        sb.append("hindsight_http_busy_total ").append(busy.get()).append('\n');
        sb.append("# HELP hindsight_jobs_processed_total Sync jobs run, by result.\n# TYPE hindsight_jobs_processed_total counter\n");
        jobs.forEach((k, v) -> sb.append("hindsight_jobs_processed_total{result=\"").append(k).append("\"} ").append(v.get()).append('\n'));
        sb.append("# HELP hindsight_sync_seconds Time spent in syncs.\n# TYPE hindsight_sync_seconds summary\n");
        sb.append("hindsight_sync_seconds_sum ").append(syncMicros.get() / 1e6).append('\n');
        sb.append("hindsight_sync_seconds_count ").append(syncs.get()).append('\n');
        sb.append("# HELP hindsight_jobs Jobs in the queue, by status.\n# TYPE hindsight_jobs gauge\n");
        queue.counts().forEach((s, n) -> sb.append("hindsight_jobs{status=\"").append(s.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ").append(n).append('\n'));
        RequestCounter.Snapshot r = requests.snapshot();
        sb.append("# HELP hindsight_atlassian_requests_total Requests sent to Jira and Confluence.\n# TYPE hindsight_atlassian_requests_total counter\n");
        sb.append("hindsight_atlassian_requests_total{kind=\"read\"} ").append(r.reads()).append('\n');
        sb.append("hindsight_atlassian_requests_total{kind=\"write\"} ").append(r.writes()).append('\n');
        sb.append("hindsight_atlassian_retries_total ").append(r.retries()).append('\n');
        return sb.toString();
    }
}
