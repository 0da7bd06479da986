package io.hindsight.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.server.queue.JobQueue;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes Jira's webhook deliveries: checks the signature, reads which post-mortem the event is about
 * (the post-mortem itself, or one of its remediation tickets), and stores a sync job durably before
 * answering. Nothing is stored for a delivery that is refused.
 */
public final class WebhookIntake {
    public static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param status HTTP status to answer; {@code outcome} says what happened, for the response body and logs */
    public record Answer(int status, String outcome) {
    }

    private final Signature signature;
    private final JobQueue queue;
    private final String postMortemType;
    private final String linkTypeName;
    private final String ownAccount;

    public WebhookIntake(Signature signature, JobQueue queue, String postMortemType, String linkTypeName) {
        this(signature, queue, postMortemType, linkTypeName, null);
    }

    private WebhookIntake(Signature signature, JobQueue queue, String postMortemType, String linkTypeName, String ownAccount) {
        this.signature = signature;
        this.queue = queue;
        this.postMortemType = postMortemType;
        this.linkTypeName = linkTypeName;
        this.ownAccount = ownAccount;
    }

    /**
     * Events caused by Hindsight's own account are acknowledged and dropped: the sync that made the change
     * already left everything in step, so a job for them would only read and find nothing to do.
     *
     * @param account the service account's accountId (Cloud) or user name (Data Center), as Jira's /myself gives it
     */
    public WebhookIntake ignoringChangesBy(String account) {
        return new WebhookIntake(signature, queue, postMortemType, linkTypeName, account);
    }

    /**
     * @param body       the raw body, as received (at most {@link #MAX_BODY} + 1 bytes were read)
     * @param identifier {@code X-Atlassian-Webhook-Identifier}
     * @param signed     {@code X-Hub-Signature}
     */
    public Answer receive(byte[] body, String identifier, String signed) {
        if (body.length > MAX_BODY) return new Answer(413, "the body is larger than " + MAX_BODY + " bytes");
        if (!signature.verify(body, signed)) return new Answer(401, "missing or wrong X-Hub-Signature");
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (Exception e) {
            return new Answer(400, "the body is not JSON");
        }
        if (event == null || !event.isObject()) return new Answer(400, "the body is not a JSON object");
        if (ownAccount != null && isOwn(event.path("user"))) return new Answer(202, "ignored: made by Hindsight itself");
        JsonNode issue = event.path("issue");
        String key = issue.path("key").asText(null);
        Optional<String> postMortem = postMortemOf(issue);
        if (key == null || postMortem.isEmpty()) return new Answer(202, "ignored: not a post-mortem or one of its tickets");
        // a deleted post-mortem has nothing left to sync from; its tickets and page stay as they are
        if ("jira:issue_deleted".equals(event.path("webhookEvent").asText()) && key.equals(postMortem.get())) {
            return new Answer(202, "ignored: post-mortem " + key + " was deleted; its tickets and page are left as they are");
        }
        // Jira always sends an identifier; without one, the body's hash still recognises a re-delivery
        String id = identifier == null || identifier.isBlank() ? "sha256:" + sha256(body) : identifier;
        JobQueue.Accepted accepted = queue.accept(id, event.path("webhookEvent").asText("unknown"), key, postMortem.get());
        return new Answer(202, accepted.name().toLowerCase(java.util.Locale.ROOT) + " " + postMortem.get());
    }

    /** Cloud names the actor by accountId; Data Center by name and key (the same for most sites, not for renamed users). */
    private boolean isOwn(JsonNode user) {
        return ownAccount.equals(user.path("accountId").asText(null)) || ownAccount.equals(user.path("name").asText(null))
                || ownAccount.equals(user.path("key").asText(null));
    }

    /** The post-mortem an issue is (its own key) or remediates (the other end of its outward remediation link). */
    Optional<String> postMortemOf(JsonNode issue) {
        JsonNode fields = issue.path("fields");
        if (postMortemType.equalsIgnoreCase(fields.path("issuetype").path("name").asText())) return Optional.ofNullable(issue.path("key").asText(null));
        for (JsonNode link : fields.path("issuelinks")) {
            if (linkTypeName.equalsIgnoreCase(link.path("type").path("name").asText()) && link.has("outwardIssue")) {
                return Optional.ofNullable(link.path("outwardIssue").path("key").asText(null));
            }
        }
        return Optional.empty();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
