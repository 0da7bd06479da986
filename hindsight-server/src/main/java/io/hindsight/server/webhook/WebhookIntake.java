package io.hindsight.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.core.sync.IssueEvent;
import io.hindsight.core.sync.SyncTriggers;
import io.hindsight.server.queue.JobQueue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes Jira's webhook deliveries: checks the signature, reads the event, asks {@link SyncTriggers} which
 * post-mortem it concerns, and stores a sync job durably before answering. Nothing is stored for a
 * delivery that is refused or ignored. It says what it did as a typed {@link Outcome}; the HTTP layer
 * chooses the status and the metrics label.
 */
public final class WebhookIntake {
    public static final int MAX_BODY = 1 << 20;
    /** The longest delivery identifier the queue stores (deliveries.identifier, V1__jobs.sql). */
    public static final int MAX_IDENTIFIER = 128;
    /** The longest issue key and event name the queue stores (jobs.post_mortem, deliveries.issue_key and .event). */
    public static final int MAX_KEY = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of a delivery. */
    public sealed interface Outcome permits Queued, Ignored, Refused {
        /** For the response body and logs. */
        String describe();
    }

    /** A sync of {@code postMortem} was queued, joined the one queued, or the delivery was seen before. */
    public record Queued(JobQueue.Accepted how, String postMortem) implements Outcome {
        public String describe() {
            return how.name().toLowerCase(Locale.ROOT) + " " + postMortem;
        }
    }

    /** Taken, and nothing to do. */
    public record Ignored(String reason) implements Outcome {
        public String describe() {
            return "ignored: " + reason;
        }
    }

    /** Not taken: too large, not signed with the secret, not a JSON event, or a field longer than the queue keeps. */
    public record Refused(Why why, String reason) implements Outcome {
        public enum Why { TOO_LARGE, NOT_SIGNED, NOT_JSON, FIELD_TOO_LONG }

        public String describe() {
            return reason;
        }
    }

    private final Signature signature;
    private final JobQueue queue;
    private final String ownAccount;

    public WebhookIntake(Signature signature, JobQueue queue) {
        this(signature, queue, null);
    }

    private WebhookIntake(Signature signature, JobQueue queue, String ownAccount) {
        this.signature = signature;
        this.queue = queue;
        this.ownAccount = ownAccount;
    }

    /**
     * Events caused by Hindsight's own account are acknowledged and dropped ({@link SyncTriggers}).
     *
     * @param account the service account's accountId (Cloud) or user name (Data Center), as Jira's /myself gives it
     */
    public WebhookIntake ignoringChangesBy(String account) {
        return new WebhookIntake(signature, queue, account);
    }

    /**
     * @param body       the raw body, as received (at most {@link #MAX_BODY} + 1 bytes were read)
     * @param identifier {@code X-Atlassian-Webhook-Identifier}
     * @param signed     {@code X-Hub-Signature}
     */
    public Outcome receive(byte[] body, String identifier, String signed) {
        if (body.length > MAX_BODY) return tooLarge();
        if (!signature.verify(body, signed)) return new Refused(Refused.Why.NOT_SIGNED, "missing or wrong X-Hub-Signature");
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (Exception e) {
            return new Refused(Refused.Why.NOT_JSON, "the body is not JSON");
        }
        if (event == null || !event.isObject()) return new Refused(Refused.Why.NOT_JSON, "the body is not a JSON object");
        IssueEvent issueEvent = issueEvent(event);
        SyncTriggers.Decision decision = SyncTriggers.decide(issueEvent, ownAccount);
        if (decision instanceof SyncTriggers.Ignore ignore) return new Ignored(ignore.reason());
        SyncTriggers.Sync sync = (SyncTriggers.Sync) decision;
        // what the queue cannot store is refused here, saying which field, rather than failing half-way into the database
        Optional<Refused> tooLong = tooLong("X-Atlassian-Webhook-Identifier", identifier, MAX_IDENTIFIER)
                .or(() -> tooLong("webhookEvent", issueEvent.kind(), MAX_KEY))
                .or(() -> tooLong("the issue key", sync.issueKey(), MAX_KEY))
                .or(() -> tooLong("the post-mortem's key", sync.postMortem().value(), MAX_KEY));
        if (tooLong.isPresent()) return tooLong.get();
        // Jira always sends an identifier; without one, the body's hash still recognises a re-delivery
        String id = identifier == null || identifier.isBlank() ? "sha256:" + sha256(body) : identifier;
        JobQueue.Accepted accepted = queue.accept(id, issueEvent.kind(), sync.issueKey(), sync.postMortem().value());
        return new Queued(accepted, sync.postMortem().value());
    }

    /** The answer to a body larger than {@link #MAX_BODY}, which the server stops reading at the limit. */
    public Refused tooLarge() {
        return new Refused(Refused.Why.TOO_LARGE, "the body is larger than " + MAX_BODY + " bytes");
    }

    private static Optional<Refused> tooLong(String field, String value, int max) {
        if (value == null || value.length() <= max) return Optional.empty();
        return Optional.of(new Refused(Refused.Why.FIELD_TOO_LONG, field + " has " + value.length() + " characters; at most " + max + " are taken"));
    }

    /** Jira's webhook JSON, read as far as the decision needs. Cloud names the actor by accountId; Data Center by name and key. */
    static IssueEvent issueEvent(JsonNode event) {
        JsonNode issue = event.path("issue");
        JsonNode fields = issue.path("fields");
        List<IssueEvent.OutwardLink> links = new ArrayList<>();
        for (JsonNode link : fields.path("issuelinks")) {
            if (link.has("outwardIssue")) links.add(new IssueEvent.OutwardLink(link.path("type").path("name").asText(), link.path("outwardIssue").path("key").asText(null)));
        }
        List<String> actor = new ArrayList<>();
        JsonNode user = event.path("user");
        for (String id : List.of("accountId", "name", "key")) {
            if (user.hasNonNull(id)) actor.add(user.path(id).asText());
        }
        return new IssueEvent(event.path("webhookEvent").asText("unknown"), issue.path("key").asText(null), fields.path("issuetype").path("name").asText(), links, actor);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
