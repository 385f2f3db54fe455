package dev.stepwise.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.stepwise.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreIsChannelNeutralTest {

    @ArchTest
    static final ArchRule noSlackBotFrameworkServletOrAdapterCode = noClasses()
            .that().resideInAPackage("dev.stepwise.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.slack..", "com.microsoft.bot..", "jakarta.servlet..", "javax.servlet..",
                    "org.springframework.web..", "org.springframework.boot..",
                    "dev.stepwise.slack..", "dev.stepwise.teams..", "dev.stepwise.app..")
            .because("bot-core is channel-neutral: adapters translate to and from its neutral events and blocks");
}
