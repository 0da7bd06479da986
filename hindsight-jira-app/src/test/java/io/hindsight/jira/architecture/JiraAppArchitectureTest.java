package io.hindsight.jira.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import org.junit.runner.RunWith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Jira app is a host like the CLI and the service: its edges (the issue-view panel and pages, the REST
 * resources, the workflow gate and post-function, the event listener, the scheduled jobs) reach the core through
 * its use cases (by way of the app's CheckService and Engine), so the panel, the gate and the CLI cannot come to
 * disagree about a post-mortem. The app's own adapters (package jira, confluence) legitimately use the REST
 * host's field mapping and Confluence client; no rule here is about them.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.hindsight.jira", importOptions = ImportOption.DoNotIncludeTests.class)
public class JiraAppArchitectureTest {
    private static final String[] EDGES = {"io.hindsight.jira.web..", "io.hindsight.jira.rest..", "io.hindsight.jira.workflow..",
            "io.hindsight.jira.listener..", "io.hindsight.jira.schedule.."};

    @ArchTest
    static final ArchRule edgesNeverRunTheCheckerOrTheFormatThemselves = noClasses().that().resideInAnyPackage(EDGES)
            .should().dependOnClassesThat().areAssignableTo(Checker.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.hindsight.core.markdown..", "io.hindsight.core.plan..", "io.hindsight.core.render..")
            .because("what a check or a sync does is the use case's; an edge asks CheckService or Engine and shows the answer");

    @ArchTest
    static final ArchRule onlyTheCoreUseCasesRunTheChecker = noClasses().that().resideInAPackage("io.hindsight.jira..")
            .should().callMethodWhere(call(Checker.class, "check"))
            .orShould().callMethodWhere(call(MarkdownReader.class, "read"))
            .because("the app checks through core's LintPostMortem (and syncs through SyncPostMortem), the use cases the CLI and the service run");

    private static DescribedPredicate<JavaMethodCall> call(Class<?> owner, String method) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + method + "(..)",
                c -> c.getTargetOwner().isAssignableTo(owner) && c.getName().equals(method));
    }
}
