package com.atlassian.jira.workflow;

import com.atlassian.jira.issue.status.Status;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;

/** Stand-in (jira-api): a workflow, its OSWorkflow descriptor and its steps' statuses. */
public interface JiraWorkflow {
    String getName();

    WorkflowDescriptor getDescriptor();

    StepDescriptor getLinkedStep(Status status);

    Status getLinkedStatusObject(StepDescriptor stepDescriptor);
}
