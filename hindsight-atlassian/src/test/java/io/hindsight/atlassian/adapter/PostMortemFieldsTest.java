package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.model.PostMortem;
import org.junit.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Reading a post-mortem back from its issue when the ids file names only some of Hindsight's fields: an ids
 * file written by an older version, or a site (or the Jira app's) where an admin left a field out.
 */
public class PostMortemFieldsTest {
    /** Only the summary and the severity were provisioned: no trigger, no times, no approvers. */
    private final ProvisionedIds someFields = new ProvisionedIds("10100", Map.of("summary", "customfield_10200", "severity", "customfield_10201"),
            "Remediates", null, null, null, "datacenter");

    @Test
    public void fieldsWithoutAnIdReadAsAbsentInsteadOfFailing() {
        JiraModel.Issue issue = new JiraModel.Issue("1", "PM-7", "Checkout errors after a config push", "Post-mortem", "10100", "PM", "Draft",
                JiraModel.StatusCategory.TO_DO, null, null, null, List.of(), List.of(),
                Map.of("customfield_10200", new JiraModel.Text("For 41 minutes, 18% of checkout requests failed."),
                        "customfield_10201", new JiraModel.Option("SEV2")), Map.of());

        PostMortemFields fields = new PostMortemFields(someFields, JiraModel.Deployment.DATA_CENTER, Set.of());
        String markdown = fields.markdown(issue);
        PostMortem pm = fields.read(issue);

        assertTrue(markdown, markdown.contains("severity: \"SEV2\""));
        assertTrue(markdown, markdown.contains("## Summary\n\nFor 41 minutes, 18% of checkout requests failed."));
        assertFalse("no section for a field the site lacks: " + markdown, markdown.contains("## Trigger"));
        assertEquals("Checkout errors after a config push", pm.title());
        assertEquals("SEV2", pm.severity().name());
    }
}
