package io.hindsight.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service and CLI are a host: they call use cases and build adapters through
 * {@code io.hindsight.atlassian.adapter.AtlassianSite}, never the REST clients, requests or JSON models
 * behind them. The web and webhook edges do not reach the sync's insides either.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.hindsight.server", importOptions = ImportOption.DoNotIncludeTests.class)
public class HostArchitectureTest {
    @ArchTest
    static final ArchRule hostsImportNoAdapterInternals = noClasses().that().resideInAPackage("io.hindsight.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hindsight.atlassian.jira..", "io.hindsight.atlassian.confluence..", "io.hindsight.atlassian.agile..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.hindsight.atlassian.http.AtlassianHttp")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.hindsight.atlassian.http.ApiRequest")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.hindsight.atlassian.http.ApiResponse")
            .because("a host calls use cases and builds adapters through AtlassianSite; the REST clients are the adapter's own");

    @ArchTest
    static final ArchRule edgesCallUseCasesNotTheirInsides = noClasses().that().resideInAnyPackage("io.hindsight.server.web..", "io.hindsight.server.webhook..",
                    "io.hindsight.server.queue..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hindsight.core.plan..", "io.hindsight.core.lint..", "io.hindsight.core.markdown..",
                    "io.hindsight.core.port..", "io.hindsight.atlassian.adapter..")
            .because("what a sync, publish or check does is the use case's; the HTTP and queue edges decode, call a use case and encode");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.hindsight.server.(*)..").should().beFreeOfCycles();
}
