package io.hindsight.server.web;

import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.WebhookIntake;
import org.junit.Test;

import static org.junit.Assert.assertEquals;

/** What Jira and Prometheus are told about each kind of delivery. */
public class WebhookAnswerTest {
    @Test
    public void takenDeliveriesAre202AndRefusedOnesSayWhy() {
        assertEquals(202, HttpService.status(new WebhookIntake.Queued(JobQueue.Accepted.QUEUED, "PM-1")));
        assertEquals(202, HttpService.status(new WebhookIntake.Queued(JobQueue.Accepted.DUPLICATE, "PM-1")));
        assertEquals(202, HttpService.status(new WebhookIntake.Ignored("not a post-mortem or one of its tickets")));
        assertEquals(413, HttpService.status(new WebhookIntake.Refused(WebhookIntake.Refused.Why.TOO_LARGE, "too large")));
        assertEquals(401, HttpService.status(new WebhookIntake.Refused(WebhookIntake.Refused.Why.NOT_SIGNED, "unsigned")));
        assertEquals(400, HttpService.status(new WebhookIntake.Refused(WebhookIntake.Refused.Why.NOT_JSON, "not JSON")));
    }

    @Test
    public void eachOutcomeHasItsMetricsLabel() {
        assertEquals("queued", HttpService.label(new WebhookIntake.Queued(JobQueue.Accepted.QUEUED, "PM-1")));
        assertEquals("joined", HttpService.label(new WebhookIntake.Queued(JobQueue.Accepted.JOINED, "PM-1")));
        assertEquals("duplicate", HttpService.label(new WebhookIntake.Queued(JobQueue.Accepted.DUPLICATE, "PM-1")));
        assertEquals("ignored", HttpService.label(new WebhookIntake.Ignored("made by Hindsight itself")));
        assertEquals("refused", HttpService.label(new WebhookIntake.Refused(WebhookIntake.Refused.Why.NOT_SIGNED, "unsigned")));
    }

    @Test
    public void theAnswerIsJsonWhateverTheReasonSays() throws Exception {
        String reason = "post-mortem \"PM-1\" said C:\\temp\nand\ttabs \u0001";
        String answer = HttpService.answer(new WebhookIntake.Ignored(reason));
        assertEquals("ignored: " + reason, new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).get("outcome").asText());
    }
}
