package io.hindsight.jira.incident;

import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;
import io.hindsight.core.template.TemplateRegistry;
import org.junit.Test;

import java.time.ZonedDateTime;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/** A post-mortem started from an incident takes the blameless template its severity calls for. */
public class DraftFromIncidentTest {
    private final DraftFromIncident drafts = new DraftFromIncident(TemplateRegistry.builtIn());

    @Test
    public void aMajorIncidentGetsTheFullTemplateAndAMinorOneTheLightweight() {
        Incident sev1 = new Incident("INC-1", "Payments down", Optional.of(Severity.SEV1), Optional.empty());
        Incident sev4 = new Incident("INC-2", "Slow search", Optional.of(Severity.SEV4), Optional.empty());
        Incident unknown = new Incident("INC-3", "Something odd", Optional.empty(), Optional.empty());

        String major = drafts.templateFor(sev1).id();
        assertNotEquals("lightweight", major);
        assertEquals("lightweight", drafts.templateFor(unknown).id());
        assertTrue(drafts.templateFor(sev1).sections().size() > drafts.templateFor(sev4).sections().size()
                || !drafts.templateFor(sev4).id().equals(major));
    }

    @Test
    public void theDraftCarriesTheIncidentAndAPromptInEverySection() {
        ZonedDateTime started = ZonedDateTime.parse("2026-11-02T14:00:00+01:00[Europe/Berlin]");
        PostMortem pm = drafts.draft(new Incident("INC-1", "Payments down", Optional.of(Severity.SEV1), Optional.of(started)));

        assertEquals("Post-mortem: Payments down", pm.title());
        assertEquals(Severity.SEV1, pm.severity());
        assertEquals(started, pm.times().started());
        assertEquals(drafts.templateFor(new Incident("x", "y", Optional.of(Severity.SEV1), Optional.empty())).id(), pm.template());
        assertTrue(pm.section(SectionKind.SUMMARY).isPresent());
        assertTrue(pm.sections().stream().anyMatch(s -> s.text().startsWith("<")));
    }
}
