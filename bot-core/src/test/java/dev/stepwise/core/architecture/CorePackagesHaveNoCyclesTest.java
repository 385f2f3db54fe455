package dev.stepwise.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Flows plug in: every package of bot-core (each sub-package its own slice, so {@code feedback} and
 * {@code feedback.requests} count apart) depends on others without a cycle, and the engine and the neutral conversation
 * model know no feature by name, so a new capability is a new package that touches neither.
 */
@AnalyzeClasses(packages = "dev.stepwise.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CorePackagesHaveNoCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.stepwise.core.(**)")
            .should().beFreeOfCycles()
            .because("features talk through ports and past-tense events, never in a circle");

    @ArchTest
    static final ArchRule theEngineKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("dev.stepwise.core.engine..", "dev.stepwise.core.conversation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.stepwise.core.feedback..", "dev.stepwise.core.goals..", "dev.stepwise.core.plan..",
                    "dev.stepwise.core.situations..", "dev.stepwise.core.recommendations..", "dev.stepwise.core.help..",
                    "dev.stepwise.core.home..", "dev.stepwise.core.catalogue.search..", "dev.stepwise.core.nudges..")
            .because("capabilities register themselves; the engine takes the list and knows none by name");
}
