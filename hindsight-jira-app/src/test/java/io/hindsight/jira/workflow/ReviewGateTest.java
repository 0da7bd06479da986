package io.hindsight.jira.workflow;

import com.atlassian.jira.issue.MutableIssue;
import com.opensymphony.workflow.InvalidInputException;
import com.opensymphony.workflow.WorkflowException;
import io.hindsight.jira.check.CheckService;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.config.Setting;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.QueuePolicy;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.Fixtures;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.FakeSite;
import io.hindsight.jira.testing.MutableClock;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The review gate on OSWorkflow 2.7's real Validator interface, and the post-function that queues the sync. */
public class ReviewGateTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final FakeSite postMortems = new FakeSite().put("PM-1", Fixtures.BLAMING).put("PM-2", Fixtures.CLEAN);
    private AdminSettings settings;
    private CheckerValidator gate;

    @Before
    public void setUp() {
        settings = new AdminSettings(db.activeObjects(), clock);
        gate = new CheckerValidator(new CheckService(settings, postMortems, clock), new I18n());
    }

    @Test
    public void refusesTheTransitionWhileTheCheckerFindsErrorsAndNamesThem() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> gate.validate(transition("PM-1"), Map.of(), null));
        String message = String.valueOf(e.getGenericErrors());
        assertTrue(message, message.contains("error(s) to fix before this transition"));
        assertTrue(message, message.contains("blameless."));
        assertTrue("the section it is in", message.contains("(Root cause)"));
        assertTrue("the words that triggered it", message.contains("Bob"));
        assertFalse("warnings do not block", message.contains("actionability.vague"));
    }

    @Test
    public void letsABlamelessActionablePostMortemThrough() throws Exception {
        gate.validate(transition("PM-2"), Map.of(), null);
    }

    /** A waiver with a reason in the field lets the transition through, as it would in a Markdown file. */
    @Test
    public void aWaiverWithAReasonInTheFieldLetsTheTransitionThrough() throws Exception {
        postMortems.put("PM-3", Fixtures.cleanWithRootCause(
                "<!-- hindsight-ignore blameless.*: the customer's own words, quoted from their ticket -->\n" + Fixtures.BLAMING_SENTENCE));
        postMortems.put("PM-4", Fixtures.cleanWithRootCause(Fixtures.BLAMING_SENTENCE));
        assertThrows("without the waiver the same text is refused", InvalidInputException.class,
                () -> gate.validate(transition("PM-4"), Map.of(), null));

        gate.validate(transition("PM-3"), Map.of(), null);
    }

    /** The core's rule: a waiver without a reason is not applied, and says so; the gate stays shut. */
    @Test
    public void aWaiverWithoutAReasonWaivesNothing() {
        postMortems.put("PM-3", Fixtures.cleanWithRootCause("<!-- hindsight-ignore blameless.* -->\n" + Fixtures.BLAMING_SENTENCE));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> gate.validate(transition("PM-3"), Map.of(), null));
        String message = String.valueOf(e.getGenericErrors());
        assertTrue(message, message.contains("blameless."));
        assertTrue(message, message.contains("Bob"));
    }

    @Test
    public void staysShutWhenItCannotCheckAndSaysWhy() {
        settings.save(Map.of(Setting.SLO_POLICY_YAML, "classes: [oops"), "admin");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> gate.validate(transition("PM-2"), Map.of(), null));
        assertTrue(String.valueOf(e.getGenericErrors()), String.valueOf(e.getGenericErrors()).contains("SLO policy:"));
    }

    @Test
    public void aTransitionWithoutAnIssueIsRefused() {
        assertThrows(InvalidInputException.class, () -> gate.validate(new HashMap<>(), Map.of(), null));
    }

    @Test
    public void theApprovalPostFunctionQueuesOneSyncHoweverOftenItRuns() throws WorkflowException {
        SyncQueue queue = new SyncQueue(db.activeObjects(), new LocalClusterLocks(), clock, QueuePolicy.DEFAULT);
        QueueSyncFunction function = new QueueSyncFunction(queue);
        function.execute(transition("PM-2"), Map.of(), null);
        function.execute(transition("PM-2"), Map.of(), null);
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
        assertEquals(2, queue.latest("PM-2").orElseThrow().events());
        assertEquals("workflow transition", queue.latest("PM-2").orElseThrow().reason());
    }

    @Test
    public void theFactoriesHaveNoSettingsToConfigure() {
        assertEquals(Map.of(), new CheckerValidatorFactory().getVelocityParams("view", null));
        assertEquals(Map.of(), new CheckerValidatorFactory().getDescriptorParams(Map.of("x", "y")));
        assertEquals(Map.of(), new QueueSyncFunctionFactory().getVelocityParams("input-parameters", null));
        assertEquals(Map.of(), new QueueSyncFunctionFactory().getDescriptorParams(Map.of()));
    }

    private static Map<String, Object> transition(String key) {
        MutableIssue issue = mock(MutableIssue.class);
        when(issue.getKey()).thenReturn(key);
        Map<String, Object> vars = new HashMap<>();
        vars.put("issue", issue);
        return vars;
    }
}
