package dev.stepwise.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The main code of every module (core, adapters, assembly) reads the time only from the injected {@code Clock}:
 * no {@code now()} without a clock, no {@code System.currentTimeMillis()}, no {@code new Date()}, and the system
 * clock is made in one place, {@code CoreBeans}. Elapsed time may be measured with {@code System.nanoTime()}.
 */
@AnalyzeClasses(packages = "dev.stepwise",
        importOptions = {ImportOption.DoNotIncludeTests.class, TimeComesFromTheClockTest.NoTestJars.class})
class TimeComesFromTheClockTest {

    private static final Set<String> DATE_TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    @ArchTest
    static final ArchRule onlyTheInjectedClockSaysWhatTimeItIs = noClasses()
            .that().resideInAPackage("dev.stepwise..")
            .and().doNotHaveFullyQualifiedName("dev.stepwise.app.CoreBeans")
            .should().callMethodWhere(readsTheSystemClock())
            .orShould().callConstructor(Date.class)
            .orShould().callMethod(Calendar.class, "getInstance")
            .because("one java.time.Clock bean is the only source of now, so tests can run at any instant");

    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe("reads the system clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            List<String> parameters = call.getTarget().getRawParameterTypes().stream().map(t -> t.getName()).toList();
            return (DATE_TIME_TYPES.contains(owner) && name.equals("now") && !parameters.equals(List.of(Clock.class.getName())))
                    || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"))
                    || (owner.equals(Clock.class.getName()) && Set.of("systemUTC", "systemDefaultZone", "system").contains(name));
        });
    }

    /** The core's test jar (its test clock, stand-ins) is on this module's test class path; it isn't main code. */
    static final class NoTestJars implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
