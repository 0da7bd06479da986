package io.hindsight.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.server.queue.Job;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job queue as a running 'hindsight serve' shows it over HTTP: counts from {@code GET /metrics}, jobs from
 * {@code GET /api/jobs}, replays through {@code POST /api/jobs/{id}/replay} (the API needs its token).
 */
final class ServiceApi implements JobsCommand.Queue {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNT = Pattern.compile("(?m)^hindsight_jobs\\{status=\"([a-z]+)\"} ([0-9]+)");
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServiceApi(URI base, String token) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.token = token;
    }

    /** The service's answer was not what it should be; the message says what to do. */
    static final class Refused extends RuntimeException {
        final int exit;

        Refused(int exit, String message) {
            super(message);
            this.exit = exit;
        }
    }

    @Override
    public Map<Job.Status, Long> counts() {
        Map<Job.Status, Long> counts = new EnumMap<>(Job.Status.class);
        for (Job.Status s : Job.Status.values()) counts.put(s, 0L);
        Matcher m = COUNT.matcher(call("GET", "/metrics", false).body());
        while (m.find()) counts.put(Job.Status.valueOf(m.group(1).toUpperCase(Locale.ROOT)), Long.parseLong(m.group(2)));
        return counts;
    }

    @Override
    public List<Job> recent(Job.Status status, int limit) {
        JsonNode jobs = json(call("GET", "/api/jobs?status=" + status.name().toLowerCase(Locale.ROOT) + "&limit=" + limit, true)).path("jobs");
        List<Job> out = new ArrayList<>();
        for (JsonNode j : jobs) {
            out.add(new Job(j.path("id").asLong(), j.path("postMortem").asText(), Job.Status.valueOf(j.path("status").asText().toUpperCase(Locale.ROOT)),
                    j.path("attempts").asInt(), Instant.parse(j.path("runAfter").asText()), j.path("lastError").isNull() ? null : j.path("lastError").asText()));
        }
        return out;
    }

    @Override
    public List<Job> dead() {
        return recent(Job.Status.DEAD, 1000);
    }

    @Override
    public Optional<Job.Status> replay(long id) {
        HttpResponse<String> r = call("POST", "/api/jobs/" + id + "/replay", true);
        if (r.statusCode() == 404) return Optional.empty();
        return Optional.of(Job.Status.valueOf(json(r).path("status").asText().toUpperCase(Locale.ROOT)));
    }

    private HttpResponse<String> call(String method, String path, boolean api) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (api) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Refused(ExitCodes.UNREACHABLE, "the service at " + base + " does not answer (" + e.getClass().getSimpleName() + "): is it still running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(ExitCodes.UNREACHABLE, "interrupted while asking the service at " + base);
        }
        if (r.statusCode() == 401 || r.statusCode() == 429) {
            throw new Refused(ExitCodes.ACCESS, "the service at " + base + " refused HINDSIGHT_API_TOKEN (" + r.statusCode() + "): set it to the token "
                    + "'hindsight serve' was started with");
        }
        if (r.statusCode() == 503 && api) {
            throw new Refused(ExitCodes.UNREACHABLE, "the service at " + base + " has its API off (it was started without HINDSIGHT_API_TOKEN): "
                    + "restart it with one, or stop it and run this again to read the job database directly");
        }
        if (r.statusCode() >= 400 && r.statusCode() != 404) {
            throw new Refused(ExitCodes.UNREACHABLE, "the service at " + base + " answered " + r.statusCode() + " to " + method + " " + path + ": " + r.body());
        }
        return r;
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new Refused(ExitCodes.UNREACHABLE, "the service answered something other than JSON: " + e.getMessage());
        }
    }
}
