package io.hindsight.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's place in the layers, checked on its compiled classes: it knows no adapter and no host, does no
 * network, SQL or HTTP serving, keeps its use cases on top, and has no package cycle. A change that breaks a
 * rule fails the build, naming the class and the dependency.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.hindsight.core", importOptions = ImportOption.DoNotIncludeTests.class)
public class CoreArchitectureTest {
    @ArchTest
    static final ArchRule coreImportsNoAdapterOrHost = noClasses().that().resideInAPackage("io.hindsight.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hindsight.atlassian..", "io.hindsight.server..", "io.hindsight.sandbox..", "io.hindsight.jira..")
            .because("the core is what every host and adapter builds on; it must run inside Jira as well as in the service");

    @ArchTest
    static final ArchRule coreDoesNoIo = noClasses().that().resideInAPackage("io.hindsight.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.sql..", "javax.sql..", "com.sun.net.httpserver..")
            .because("HTTP and SQL belong to adapters and hosts");

    @ArchTest
    static final ArchRule onlyHostsCallUseCases = noClasses().that().resideInAPackage("io.hindsight.core..").and().resideOutsideOfPackage("io.hindsight.core.usecase..")
            .should().dependOnClassesThat().resideInAPackage("io.hindsight.core.usecase..")
            .because("use cases sit on top of the core: hosts call them, nothing in the core does");

    @ArchTest
    static final ArchRule portsAndModelDoNotReachUp = noClasses().that().resideInAnyPackage("io.hindsight.core.port..", "io.hindsight.core.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hindsight.core.sync..", "io.hindsight.core.render..", "io.hindsight.core.report..",
                    "io.hindsight.core.lint..", "io.hindsight.core.markdown..")
            .because("ports and the model are what adapters implement and carry; they must not pull the engine in");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.hindsight.core.(**)").should().beFreeOfCycles();
}
