package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.provision.ProvisionedIds;
import org.junit.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.when;

/** The JQL the report sends: the user's filter kept whole inside parentheses, and never an ORDER BY of theirs. */
public class JiraPostMortemStoreQueryTest {
    private final JiraClient jira = mock(JiraClient.class);
    private final JiraPostMortemStore store;

    {
        when(jira.deployment()).thenReturn(io.hindsight.atlassian.jira.JiraModel.Deployment.DATA_CENTER);
        store = new JiraPostMortemStore(jira, new ProvisionedIds("10005", Map.of(), "Remediation", null, null, null), Set.of("priority", "improvement"));
    }

    @Test
    public void theFilterIsAndedWithThePostMortemTypeInParentheses() {
        when(jira.search(anyString(), anyList(), anyList(), anyInt())).thenReturn(List.of());
        assertEquals(List.of(), store.find("project = PM OR project = OPS", 50));
        verify(jira).search(eq("issuetype = \"10005\" AND (project = PM OR project = OPS) ORDER BY key"), anyList(), anyList(), eq(50));
    }

    @Test
    public void anOrderByInTheFilterIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.find("project = PM order  by created", 50));
        assertTrue(e.getMessage(), e.getMessage().contains("must not have ORDER BY"));
        verify(jira, never()).search(anyString(), anyList(), anyList(), anyInt());
    }

    private static String anyString() {
        return org.mockito.ArgumentMatchers.anyString();
    }
}
