package io.hindsight.core.model;

import org.junit.Test;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Project keys as Jira's default pattern allows them, wherever a person writes one. */
public class ProjectKeyTest {
    @Test
    public void keysJiraAcceptsByDefault() {
        for (String k : new String[]{"OPS", "DB", "PLAT_2", "ABCDEFGHIJ"}) assertTrue(k, ProjectKey.isValid(k));
    }

    @Test
    public void whatJiraRefusesOrWhatCouldBreakOutOfJql() {
        for (String k : new String[]{null, "", "O", "ops", "2OPS", "ABCDEFGHIJK", "OPS-1", "OPS\" OR project = \"X", "ÖPS"}) {
            assertFalse(String.valueOf(k), ProjectKey.isValid(k));
        }
    }
}
