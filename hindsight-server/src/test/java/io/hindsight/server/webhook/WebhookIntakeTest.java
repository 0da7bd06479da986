package io.hindsight.server.webhook;

import io.hindsight.server.queue.JobQueue;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static io.hindsight.server.webhook.WebhookIntake.Refused.Why.NOT_SIGNED;

public class WebhookIntakeTest {
    private static final AtomicInteger DBS = new AtomicInteger();
    private static final String SECRET = "a-webhook-secret-of-some-length";
    private final Signature signature = new Signature(SECRET);
    private JobQueue queue;
    private WebhookIntake intake;

    static final String PM_UPDATED = "{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"20001\",\"key\":\"PM-1\","
            + "\"fields\":{\"issuetype\":{\"name\":\"Post-mortem\"},\"issuelinks\":[]}}}";
    static final String TICKET_UPDATED = "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"OPS-7\",\"fields\":{\"issuetype\":{\"name\":\"Task\"},"
            + "\"issuelinks\":[{\"id\":\"1\",\"type\":{\"name\":\"Remediation\",\"inward\":\"is remediated by\",\"outward\":\"remediates\"},\"outwardIssue\":{\"key\":\"PM-1\"}}]}}}";

    @Before
    public void fresh() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:intake" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        queue = new JobQueue(db, Clock.systemUTC(), 3);
        intake = new WebhookIntake(signature, queue);
    }

    private WebhookIntake.Outcome deliver(String body, String id, String sig) {
        return intake.receive(body.getBytes(StandardCharsets.UTF_8), id, sig);
    }

    private WebhookIntake.Outcome deliver(String body, String id) {
        return deliver(body, id, signature.sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void aSignedEventAboutAPostMortemQueuesItsSync() {
        WebhookIntake.Outcome a = deliver(PM_UPDATED, "id-1");
        assertEquals(new WebhookIntake.Queued(JobQueue.Accepted.QUEUED, "PM-1"), a);
        assertEquals("queued PM-1", a.describe());
        assertEquals("PM-1", queue.all().get(0).postMortem());
    }

    @Test
    public void anEventAboutARemediationTicketQueuesItsPostMortem() {
        assertEquals(new WebhookIntake.Queued(JobQueue.Accepted.QUEUED, "PM-1"), deliver(TICKET_UPDATED, "id-1"));
    }

    @Test
    public void aDeletedPostMortemQueuesNothingButADeletedTicketResyncsItsPostMortem() {
        WebhookIntake.Outcome pm = deliver(PM_UPDATED.replace("jira:issue_updated", "jira:issue_deleted"), "id-1");
        assertEquals(new WebhookIntake.Ignored("post-mortem PM-1 was deleted; its tickets and page are left as they are"), pm);
        assertTrue(queue.all().isEmpty());
        // a deleted ticket: its action is still in the post-mortem, so the sync puts a ticket back
        assertEquals("queued PM-1", deliver(TICKET_UPDATED.replace("jira:issue_updated", "jira:issue_deleted"), "id-2").describe());
    }

    @Test
    public void theSameDeliveryTenTimesIsOneJob() {
        assertEquals(new WebhookIntake.Queued(JobQueue.Accepted.QUEUED, "PM-1"), deliver(PM_UPDATED, "id-1"));
        for (int i = 1; i < 10; i++) assertEquals(new WebhookIntake.Queued(JobQueue.Accepted.DUPLICATE, "PM-1"), deliver(PM_UPDATED, "id-1"));
        assertEquals(1, queue.all().size());
    }

    @Test
    public void refusedDeliveriesStoreNothing() {
        assertEquals(NOT_SIGNED, why(deliver(PM_UPDATED, "id-1", null)));
        assertEquals(NOT_SIGNED, why(deliver(PM_UPDATED, "id-2", "sha256=" + "00".repeat(32))));
        assertEquals(NOT_SIGNED, why(deliver(PM_UPDATED, "id-3", "sha256=not-hex")));
        assertEquals(NOT_SIGNED, why(deliver(PM_UPDATED, "id-4", new Signature("another-secret-entirely").sign(PM_UPDATED.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(WebhookIntake.Refused.Why.NOT_JSON, why(deliver("{not json", "id-5")));
        assertEquals(WebhookIntake.Refused.Why.TOO_LARGE, why(intake.receive(new byte[WebhookIntake.MAX_BODY + 1], "id-6", "sha256=00")));
        assertTrue(queue.all().isEmpty());
        assertEquals("a refused delivery does not use up its identifier", "queued PM-1", deliver(PM_UPDATED, "id-2").describe());
    }

    @Test
    public void changesMadeByHindsightsOwnAccountQueueNothingButAPersonsChangeDoes() {
        WebhookIntake own = intake.ignoringChangesBy("5b10ac8d82e05b22cc7d4ef5");
        String byHindsight = PM_UPDATED.replace("{\"timestamp\":1,", "{\"timestamp\":1,\"user\":{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"accountType\":\"atlassian\"},");
        String byMaria = PM_UPDATED.replace("{\"timestamp\":1,", "{\"timestamp\":1,\"user\":{\"accountId\":\"712020:maria\",\"accountType\":\"atlassian\"},");
        byte[] b = byHindsight.getBytes(StandardCharsets.UTF_8);
        assertEquals(new WebhookIntake.Ignored("made by Hindsight itself"), own.receive(b, "id-1", signature.sign(b)));
        assertEquals(0, queue.all().size());
        byte[] m = byMaria.getBytes(StandardCharsets.UTF_8);
        assertEquals("queued PM-1", own.receive(m, "id-2", signature.sign(m)).describe());
        assertEquals(1, queue.all().size());
    }

    @Test
    public void onDataCenterTheOwnAccountIsRecognisedByName() {
        String byHindsight = PM_UPDATED.replace("{\"timestamp\":1,", "{\"timestamp\":1,\"user\":{\"name\":\"hindsight-bot\",\"key\":\"JIRAUSER10100\"},");
        byte[] b = byHindsight.getBytes(StandardCharsets.UTF_8);
        assertEquals("ignored: made by Hindsight itself", intake.ignoringChangesBy("hindsight-bot").receive(b, "id-1", signature.sign(b)).describe());
    }

    @Test
    public void eventsAboutOtherIssuesAreAnsweredAndIgnored() {
        WebhookIntake.Outcome a = deliver("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"OPS-1\",\"fields\":{\"issuetype\":{\"name\":\"Bug\"}}}}", "id-1");
        assertEquals(new WebhookIntake.Ignored("not a post-mortem or one of its tickets"), a);
        assertTrue(queue.all().isEmpty());
    }

    @Test
    public void aShortSecretIsRefusedAndNeverPrinted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Signature("short"));
        assertTrue(e.getMessage(), e.getMessage().contains("at least 16 characters"));
        assertEquals("webhook secret ****", signature.toString());
    }

    private static WebhookIntake.Refused.Why why(WebhookIntake.Outcome o) {
        assertTrue(o.toString(), o instanceof WebhookIntake.Refused);
        return ((WebhookIntake.Refused) o).why();
    }
}
