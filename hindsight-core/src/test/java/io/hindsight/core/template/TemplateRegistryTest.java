package io.hindsight.core.template;

import io.hindsight.core.Examples;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class TemplateRegistryTest {
    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    @Test
    public void builtInTemplatesLoadWithQuestionsForEverySection() {
        TemplateRegistry registry = TemplateRegistry.builtIn();
        assertEquals(TemplateRegistry.BUILT_IN, registry.all().stream().map(Template::id).toList());
        for (Template t : registry.all()) {
            for (TemplateSection s : t.sections()) assertFalse(t.id() + "/" + s.heading() + " has no question", s.question().isBlank());
            assertTrue(t.id() + " asks for action items", t.sections().stream().anyMatch(s -> s.kind() == SectionKind.ACTION_ITEMS));
        }
        Template atlassian = registry.get("atlassian").orElseThrow();
        assertTrue(atlassian.requiredFor(Severity.SEV1).stream().anyMatch(s -> s.kind() == SectionKind.FIVE_WHYS));
        assertFalse(atlassian.requiredFor(Severity.SEV3).stream().anyMatch(s -> s.kind() == SectionKind.FIVE_WHYS));
        assertTrue(registry.get("security").orElseThrow().sections().stream().anyMatch(s -> s.heading().equals("Containment")));
    }

    @Test
    public void choosesByNameThenBySeverity() {
        TemplateRegistry registry = TemplateRegistry.builtIn();
        PostMortem sev2 = Examples.read("replication-lag.md").postMortem();
        assertEquals("atlassian", registry.forPostMortem(sev2).id());
        assertEquals("lightweight", registry.forPostMortem(Examples.reader().read("---\nseverity: SEV4\n---\n", "x").postMortem()).id());
        assertEquals("security", registry.forPostMortem(Examples.reader().read("---\nseverity: SEV1\ntemplate: security\n---\n", "x").postMortem()).id());
    }

    @Test
    public void anAdminDirectoryAddsAndReplacesTemplates() throws IOException {
        Files.writeString(dir.getRoot().toPath().resolve("lightweight.yaml"), """
                id: lightweight
                name: Our short one
                defaultFor: [SEV3, SEV4]
                sections:
                  - section: summary
                    question: What happened?
                    required: all
                  - heading: Customer comms
                    question: What did we tell customers?
                    required: [SEV3]
                """);
        TemplateRegistry registry = TemplateRegistry.withDirectory(dir.getRoot().toPath());
        Template t = registry.get("lightweight").orElseThrow();
        assertEquals("Our short one", t.name());
        assertEquals(List.of("Summary", "Customer comms"), t.sections().stream().map(TemplateSection::heading).toList());
        assertTrue(registry.get("atlassian").isPresent());
    }

    @Test
    public void aBrokenTemplateFileSaysWhereAndWhat() throws IOException {
        Path f = dir.getRoot().toPath().resolve("bad.yaml");
        Files.writeString(f, "id: bad\nsections:\n  - section: root-causes\n");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateRegistry.withDirectory(dir.getRoot().toPath()));
        assertTrue(e.getMessage(), e.getMessage().contains("bad.yaml: section 1: unknown section 'root-causes'"));

        Files.writeString(f, "id: bad\nsections:\n  - section: summary\n    requried: all\n");
        e = assertThrows(TemplateException.class, () -> TemplateRegistry.withDirectory(dir.getRoot().toPath()));
        assertTrue(e.getMessage(), e.getMessage().contains("bad.yaml:4: unknown field 'requried'"));

        Files.writeString(f, "id: bad\nsections:\n  - section: summary\n    required: [SEV9]\n");
        e = assertThrows(TemplateException.class, () -> TemplateRegistry.withDirectory(dir.getRoot().toPath()));
        assertTrue(e.getMessage(), e.getMessage().contains("'SEV9' is not a severity"));
    }

    @Test
    public void completenessReportSaysWhatIsMissingEmptyOrAPlaceholder() {
        PostMortem pm = Examples.reader().read("""
                ---
                severity: SEV2
                ---
                ## Summary
                TBD
                ## Impact
                2,000 users could not log in for 20 minutes.
                ## Five whys
                ## Action items
                - [ ] [priority] Add a login canary @ana
                """, "x.md").postMortem();
        CompletenessReport report = CompletenessReport.of(pm, TemplateRegistry.builtIn().get("atlassian").orElseThrow());
        var byHeading = report.entries().stream().collect(java.util.stream.Collectors.toMap(e -> e.section().heading(), e -> e.status()));
        assertEquals(CompletenessReport.Status.PLACEHOLDER, byHeading.get("Summary"));
        assertEquals(CompletenessReport.Status.FILLED, byHeading.get("Impact"));
        assertEquals(CompletenessReport.Status.EMPTY, byHeading.get("Five whys"));
        assertEquals(CompletenessReport.Status.MISSING, byHeading.get("Detection"));
        assertEquals(CompletenessReport.Status.FILLED, byHeading.get("Action items"));
        assertEquals(List.of("Summary", "Detection", "Response", "Recovery", "Timeline", "Five whys", "Root cause"),
                report.missingRequired().stream().map(e -> e.section().heading()).toList());
        assertEquals(14, report.percentFilled());
    }
}
