package io.hindsight.jira.workflow;

import com.atlassian.jira.plugin.workflow.WorkflowPluginValidatorFactory;
import com.opensymphony.workflow.loader.AbstractDescriptor;

import java.util.Map;

/** Configures the review gate in the workflow editor; it has no settings of its own. */
public class CheckerValidatorFactory implements WorkflowPluginValidatorFactory {
    @Override
    public Map<String, ?> getVelocityParams(String resourceName, AbstractDescriptor descriptor) {
        return Map.of();
    }

    @Override
    public Map<String, ?> getDescriptorParams(Map<String, Object> formParams) {
        return Map.of();
    }
}
