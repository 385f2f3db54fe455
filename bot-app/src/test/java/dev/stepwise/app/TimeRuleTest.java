package dev.stepwise.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** {@link TimeComesFromTheClockTest}'s rule sees each way of reading the system clock, and lets the clock's own through. */
class TimeRuleTest {

    @Test
    void theRuleFindsEveryReadingOfTheSystemClockAndNoneOfTheInjectedOne() {
        var result = TimeComesFromTheClockTest.onlyTheInjectedClockSaysWhatTimeItIs
                .evaluate(new ClassFileImporter().importClasses(ReadsTheSystemClock.class, ReadsTheInjectedClock.class));

        assertThat(result.getFailureReport().getDetails())
                .hasSize(5)
                .allMatch(detail -> detail.contains(ReadsTheSystemClock.class.getSimpleName()));
    }

    @SuppressWarnings("unused")
    static final class ReadsTheSystemClock {
        Object[] now() {
            return new Object[] {Instant.now(), LocalDate.now(ZoneOffset.UTC), System.currentTimeMillis(), new Date(),
                    Clock.system(ZoneId.of("Europe/London"))};
        }
    }

    @SuppressWarnings("unused")
    static final class ReadsTheInjectedClock {
        Object[] now(Clock clock) {
            return new Object[] {Instant.now(clock), OffsetDateTime.now(clock), clock.instant(), System.nanoTime()};
        }
    }
}
