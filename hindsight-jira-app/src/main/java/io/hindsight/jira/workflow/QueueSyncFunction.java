package io.hindsight.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.opensymphony.module.propertyset.PropertySet;
import com.opensymphony.workflow.FunctionProvider;
import com.opensymphony.workflow.WorkflowException;
import io.hindsight.jira.queue.SyncQueue;

import java.util.Map;

/**
 * Queues a sync of the post-mortem when its approval transition runs, so its remediation tickets are created.
 * Only queues: the sync itself runs off the request thread, and a transition never waits for Confluence.
 */
public class QueueSyncFunction implements FunctionProvider {
    private final SyncQueue queue;

    public QueueSyncFunction(SyncQueue queue) {
        this.queue = queue;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Map transientVars, Map args, PropertySet ps) throws WorkflowException {
        Object issue = transientVars.get("issue");
        if (!(issue instanceof Issue i) || i.getKey() == null) throw new WorkflowException("Hindsight: the transition carries no issue");
        queue.enqueue(i.getKey(), "workflow transition");
    }
}
