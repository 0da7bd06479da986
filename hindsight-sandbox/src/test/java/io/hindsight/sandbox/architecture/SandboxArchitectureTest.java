package io.hindsight.sandbox.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.runner.RunWith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The sandbox emulates Jira and Confluence; it must not lean on Hindsight's own code, or it would agree with
 * Hindsight's mistakes instead of catching them. Its packages form no cycle: the root package (the server and
 * its start-up) is counted as a slice of its own, since that is where the cycle used to run through.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.hindsight.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
public class SandboxArchitectureTest {
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals("io.hindsight.sandbox")) return SliceIdentifier.of("root");
            if (!pkg.startsWith("io.hindsight.sandbox.")) return SliceIdentifier.ignore();
            return SliceIdentifier.of(pkg.substring("io.hindsight.sandbox.".length()).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "the sandbox's root package and each of its sub-packages";
        }
    };

    @ArchTest
    static final ArchRule sandboxDoesNotUseHindsight = noClasses().that().resideInAPackage("io.hindsight.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hindsight.core..", "io.hindsight.atlassian..", "io.hindsight.server..")
            .because("an emulator that shares the product's code would share its mistakes");

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();
}
