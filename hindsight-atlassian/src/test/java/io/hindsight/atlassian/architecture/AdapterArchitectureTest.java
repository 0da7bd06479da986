package io.hindsight.atlassian.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The REST adapters' rules: they know the core, never a host, and their packages have no cycle. */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.hindsight.atlassian", importOptions = ImportOption.DoNotIncludeTests.class)
public class AdapterArchitectureTest {
    @ArchTest
    static final ArchRule adaptersImportNoHost = noClasses().that().resideInAPackage("io.hindsight.atlassian..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hindsight.server..", "io.hindsight.sandbox..")
            .because("hosts use adapters, not the other way round");

    @ArchTest
    static final ArchRule adaptersDoNotRunUseCases = noClasses().that().resideInAPackage("io.hindsight.atlassian..")
            .should().dependOnClassesThat().resideInAPackage("io.hindsight.core.usecase..")
            .because("an adapter implements ports; the host decides which use case runs");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.hindsight.atlassian.(*)..").should().beFreeOfCycles();
}
