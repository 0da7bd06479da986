package io.hindsight.jira.config;

import io.hindsight.core.plan.SloPolicyException;
import io.hindsight.core.template.TemplateException;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.MutableClock;
import org.junit.Rule;
import org.junit.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The admin's settings in Active Objects, and their YAML read with errors that name the setting and line. */
public class SettingsTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private static final String TEMPLATE = """
            id: sre-short
            name: Short SRE review
            defaultFor: [SEV4]
            sections:
              - section: summary
                required: true
              - section: action-items
                required: true
            """;

    @Test
    public void savesReadsAndUnsetsInOneTransaction() {
        AdminSettings settings = new AdminSettings(db.activeObjects(), new MutableClock(Instant.EPOCH));
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.CONFLUENCE_URL, " https://wiki.example.com ");
        values.put(Setting.CONFLUENCE_TOKEN, "s3cret-token");
        values.put(Setting.CONFLUENCE_SPACE, "OPS");
        int before = db.activeObjects().transactions();
        settings.save(values, "admin");
        assertEquals(1, db.activeObjects().transactions() - before);

        HindsightConfig config = settings.config();
        assertEquals("https://wiki.example.com", config.confluenceUrl());
        assertTrue(config.confluenceTokenSet());
        assertFalse("the token itself never leaves the settings", config.toString().contains("s3cret"));

        Map<Setting, String> unset = new EnumMap<>(Setting.class);
        unset.put(Setting.CONFLUENCE_SPACE, "");
        unset.put(Setting.CONFLUENCE_TOKEN, null);
        settings.save(unset, "admin");
        assertEquals("an empty string is unset, as Oracle would store it", Optional.empty(), settings.get(Setting.CONFLUENCE_SPACE));
        assertFalse(settings.config().confluenceTokenSet());
        assertEquals("https://wiki.example.com", settings.config().confluenceUrl());
    }

    @Test
    public void anSloPolicyErrorNamesTheSettingAndTheLine() {
        SloPolicyException e = assertThrows(SloPolicyException.class, () -> EngineSettings.policy("countFrom: approved\nclases:\n  priority: {SEV1: 4w}\n"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("SLO policy:2:"));
        assertTrue(e.getMessage(), e.getMessage().contains("clases"));
    }

    @Test
    public void templatesAreReadDocumentByDocumentWithLinesCountedInTheAdminsText() {
        assertTrue(EngineSettings.templates(TEMPLATE).get("sre-short").isPresent());
        assertTrue("the built-in ones stay", EngineSettings.templates(TEMPLATE).get("atlassian").isPresent());

        String twoDocs = TEMPLATE + "---\nid: broken\nsections:\n  - section: summary\n    requird: true\n";
        TemplateException e = assertThrows(TemplateException.class, () -> EngineSettings.templates(twoDocs));
        assertTrue(e.getMessage(), e.getMessage().startsWith("templates:13:"));
        assertTrue(e.getMessage(), e.getMessage().contains("requird"));
        assertFalse("no temporary path in what the admin reads", e.getMessage().contains("hindsight-templates"));
    }

    @Test
    public void problemsListsEveryBrokenSettingAndNothingWhenBothRead() {
        assertEquals(List.of(), EngineSettings.problems("", TEMPLATE));
        List<String> problems = EngineSettings.problems("classes: {}", "id: x\n");
        assertEquals(2, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("SLO policy"));
        assertTrue(problems.get(1), problems.get(1).startsWith("templates"));
    }
}
