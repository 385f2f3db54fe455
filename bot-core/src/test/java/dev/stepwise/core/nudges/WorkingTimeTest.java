package dev.stepwise.core.nudges;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingTimeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

    private static final WorkingTime STANDARD = WorkingTime.standard();
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    /** A local time that exists exactly once in the zone (so the helper cannot hide DST choices). */
    private static Instant local(String dateTime, ZoneId zone) {
        LocalDateTime local = LocalDateTime.parse(dateTime);
        assertThat(zone.getRules().getValidOffsets(local)).as("%s in %s is unambiguous", local, zone).hasSize(1);
        return local.atZone(zone).toInstant();
    }

    private static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    @Nested
    class Construction {

        @Test
        void standardIsMondayToFridayNineToHalfPastFive() {
            assertThat(STANDARD.workingDays()).containsExactlyInAnyOrder(MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, THURSDAY, FRIDAY);
            assertThat(STANDARD.start()).isEqualTo(LocalTime.of(9, 0));
            assertThat(STANDARD.end()).isEqualTo(LocalTime.of(17, 30));
        }

        @Test
        void rejectsStartEqualToEnd() {
            assertThatThrownBy(() -> new WorkingTime(Set.of(MONDAY), LocalTime.NOON, LocalTime.NOON))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsStartAfterEnd() {
            assertThatThrownBy(() -> new WorkingTime(Set.of(MONDAY), LocalTime.of(17, 0), LocalTime.of(9, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsNoWorkingDays() {
            assertThatThrownBy(() -> new WorkingTime(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsNulls() {
            assertThatThrownBy(() -> new WorkingTime(null, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new WorkingTime(Set.of(MONDAY), null, LocalTime.of(17, 0)))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new WorkingTime(Set.of(MONDAY), LocalTime.of(9, 0), null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void isImmutable() {
            Set<DayOfWeek> days = EnumSet.of(MONDAY);
            WorkingTime mondays = new WorkingTime(days, LocalTime.of(9, 0), LocalTime.of(17, 0));
            days.add(FRIDAY);

            assertThat(mondays.workingDays()).containsExactly(MONDAY);
            assertThatThrownBy(() -> mondays.workingDays().add(FRIDAY))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void equalWhenSameDaysAndHours() {
            assertThat(new WorkingTime(Set.of(FRIDAY, MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, THURSDAY),
                    LocalTime.of(9, 0), LocalTime.of(17, 30))).isEqualTo(STANDARD);
        }
    }

    @Nested
    class IsWorkingMoment {

        @Test
        void startIsInside() {
            assertThat(STANDARD.isWorkingMoment(local("2025-06-02T09:00", LONDON), LONDON)).isTrue();
        }

        @Test
        void justBeforeStartIsOutside() {
            assertThat(STANDARD.isWorkingMoment(local("2025-06-02T08:59:59.999999999", LONDON), LONDON)).isFalse();
        }

        @Test
        void endIsOutside() {
            assertThat(STANDARD.isWorkingMoment(local("2025-06-02T17:30", LONDON), LONDON)).isFalse();
        }

        @Test
        void justBeforeEndIsInside() {
            assertThat(STANDARD.isWorkingMoment(local("2025-06-02T17:29:59.999999999", LONDON), LONDON)).isTrue();
        }

        @Test
        void weekendIsOutside() {
            assertThat(STANDARD.isWorkingMoment(local("2025-06-07T12:00", LONDON), LONDON)).isFalse();
            assertThat(STANDARD.isWorkingMoment(local("2025-06-08T12:00", LONDON), LONDON)).isFalse();
        }

        @Test
        void isReadInTheGivenZone() {
            Instant instant = utc("2025-06-05T21:00:00Z"); // Fri 09:00 in Auckland, Fri 02:30 in Kolkata
            assertThat(STANDARD.isWorkingMoment(instant, AUCKLAND)).isTrue();
            assertThat(STANDARD.isWorkingMoment(instant, KOLKATA)).isFalse();
        }

        @Test
        void halfHourOffsetZone() {
            assertThat(STANDARD.isWorkingMoment(utc("2025-06-06T03:30:00Z"), KOLKATA)).isTrue(); // 09:00 IST
            assertThat(STANDARD.isWorkingMoment(utc("2025-06-06T03:29:59Z"), KOLKATA)).isFalse();
            assertThat(STANDARD.isWorkingMoment(utc("2025-06-06T11:59:59Z"), KOLKATA)).isTrue();
            assertThat(STANDARD.isWorkingMoment(utc("2025-06-06T12:00:00Z"), KOLKATA)).isFalse(); // 17:30 IST
        }
    }

    @Nested
    class NextWorkingMoment {

        @Test
        void insideWorkingHoursIsUnchanged() {
            Instant wednesdayNoon = local("2025-06-04T12:34:56.789", LONDON);
            assertThat(STANDARD.nextWorkingMoment(wednesdayNoon, LONDON)).isEqualTo(wednesdayNoon);
        }

        @Test
        void beforeStartMovesToStartTheSameDay() {
            assertThat(STANDARD.nextWorkingMoment(local("2025-06-04T06:00", LONDON), LONDON))
                    .isEqualTo(local("2025-06-04T09:00", LONDON));
        }

        @Test
        void afterEndMovesToNextWorkingDaysStart() {
            assertThat(STANDARD.nextWorkingMoment(local("2025-06-04T20:00", LONDON), LONDON))
                    .isEqualTo(local("2025-06-05T09:00", LONDON));
        }

        @Test
        void exactlyEndOnFridayMovesToMonday() {
            assertThat(STANDARD.nextWorkingMoment(local("2025-06-06T17:30", LONDON), LONDON))
                    .isEqualTo(local("2025-06-09T09:00", LONDON));
        }

        @Test
        void weekendMovesToMondayStart() {
            assertThat(STANDARD.nextWorkingMoment(local("2025-06-07T11:00", LONDON), LONDON))
                    .isEqualTo(local("2025-06-09T09:00", LONDON));
        }

        @Test
        void sameInstantGivesDifferentAnswersFarApart() {
            Instant instant = utc("2025-06-05T21:00:00Z"); // Fri 09:00 Auckland, Fri 02:30 Kolkata, Thu 22:00 London
            assertThat(STANDARD.nextWorkingMoment(instant, AUCKLAND)).isEqualTo(instant);
            assertThat(STANDARD.nextWorkingMoment(instant, KOLKATA)).isEqualTo(utc("2025-06-06T03:30:00Z"));
            assertThat(STANDARD.nextWorkingMoment(instant, LONDON)).isEqualTo(utc("2025-06-06T08:00:00Z"));
        }

        @Test
        void startInTheSpringGapMovesToTheEndOfTheGap() {
            // New York skips 02:00-03:00 on Sun 9 Mar 2025; 02:30 does not exist that day.
            WorkingTime early = new WorkingTime(EVERY_DAY, LocalTime.of(2, 30), LocalTime.of(17, 0));
            assertThat(early.nextWorkingMoment(local("2025-03-08T18:00", NEW_YORK), NEW_YORK))
                    .isEqualTo(utc("2025-03-09T07:00:00Z")); // 03:00 EDT, not 03:30 EDT
        }

        @Test
        void ambiguousStartTakesTheEarlierOffset() {
            // New York repeats 01:00-02:00 on Sun 2 Nov 2025 (EDT then EST).
            WorkingTime early = new WorkingTime(EVERY_DAY, LocalTime.of(1, 30), LocalTime.of(17, 0));
            assertThat(early.nextWorkingMoment(local("2025-11-01T20:00", NEW_YORK), NEW_YORK))
                    .isEqualTo(utc("2025-11-02T05:30:00Z")); // 01:30 EDT
        }

        @Test
        void inTheRepeatedHourBeforeStartTakesTheSecondOpening() {
            WorkingTime early = new WorkingTime(EVERY_DAY, LocalTime.of(1, 30), LocalTime.of(17, 0));
            Instant tenPastOneEst = utc("2025-11-02T06:10:00Z"); // after 01:30 EDT has passed
            assertThat(early.isWorkingMoment(tenPastOneEst, NEW_YORK)).isFalse();
            assertThat(early.nextWorkingMoment(tenPastOneEst, NEW_YORK))
                    .isEqualTo(utc("2025-11-02T06:30:00Z")); // 01:30 EST
        }
    }

    @Nested
    class AfterWorkingDays {

        @Test
        void fridayAfternoonPlusTwoIsTuesdaySameTime() {
            assertThat(STANDARD.afterWorkingDays(local("2025-06-06T15:00", LONDON), 2, LONDON))
                    .isEqualTo(local("2025-06-10T15:00", LONDON));
        }

        @Test
        void justBeforeEndKeepsItsTime() {
            assertThat(STANDARD.afterWorkingDays(local("2025-06-06T17:29", LONDON), 2, LONDON))
                    .isEqualTo(local("2025-06-10T17:29", LONDON));
        }

        @Test
        void fiveWorkingDaysIsOneWeekLater() {
            assertThat(STANDARD.afterWorkingDays(local("2025-06-05T16:00", LONDON), 5, LONDON))
                    .isEqualTo(local("2025-06-12T16:00", LONDON));
        }

        @Test
        void madeOnSaturdayCountsFromMondayStart() {
            assertThat(STANDARD.afterWorkingDays(local("2025-06-07T11:00", LONDON), 2, LONDON))
                    .isEqualTo(local("2025-06-11T09:00", LONDON));
        }

        @Test
        void madeAfterEndCountsFromNextWorkingDaysStart() {
            assertThat(STANDARD.afterWorkingDays(local("2025-06-03T18:00", LONDON), 2, LONDON))
                    .isEqualTo(local("2025-06-06T09:00", LONDON));
        }

        @Test
        void madeExactlyAtEndOnFridayCountsFromMonday() {
            assertThat(STANDARD.afterWorkingDays(local("2025-06-06T17:30", LONDON), 2, LONDON))
                    .isEqualTo(local("2025-06-11T09:00", LONDON));
        }

        @Test
        void madeBeforeStartCountsFromThatDaysStart() {
            assertThat(STANDARD.afterWorkingDays(local("2025-06-02T07:00", LONDON), 2, LONDON))
                    .isEqualTo(local("2025-06-04T09:00", LONDON));
        }

        @Test
        void zeroDaysIsNextWorkingMoment() {
            Instant saturday = local("2025-06-07T11:00", LONDON);
            Instant wednesday = local("2025-06-04T12:00", LONDON);
            assertThat(STANDARD.afterWorkingDays(saturday, 0, LONDON)).isEqualTo(local("2025-06-09T09:00", LONDON));
            assertThat(STANDARD.afterWorkingDays(wednesday, 0, LONDON)).isEqualTo(wednesday);
        }

        @Test
        void negativeDaysAreRejected() {
            assertThatThrownBy(() -> STANDARD.afterWorkingDays(local("2025-06-04T12:00", LONDON), -1, LONDON))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void londonSpringForwardKeepsTheLocalTime() {
            // Fri 28 Mar 10:00 GMT -> Tue 1 Apr 10:00 BST
            assertThat(STANDARD.afterWorkingDays(utc("2025-03-28T10:00:00Z"), 2, LONDON))
                    .isEqualTo(utc("2025-04-01T09:00:00Z"));
        }

        @Test
        void londonAutumnBackKeepsTheLocalTime() {
            // Fri 24 Oct 10:00 BST -> Tue 28 Oct 10:00 GMT
            assertThat(STANDARD.afterWorkingDays(utc("2025-10-24T09:00:00Z"), 2, LONDON))
                    .isEqualTo(utc("2025-10-28T10:00:00Z"));
        }

        @Test
        void newYorkSpringForwardKeepsTheLocalTime() {
            // Fri 7 Mar 10:00 EST -> Tue 11 Mar 10:00 EDT
            assertThat(STANDARD.afterWorkingDays(utc("2025-03-07T15:00:00Z"), 2, NEW_YORK))
                    .isEqualTo(utc("2025-03-11T14:00:00Z"));
        }

        @Test
        void newYorkFallBackKeepsTheLocalTime() {
            // Fri 31 Oct 10:00 EDT -> Tue 4 Nov 10:00 EST
            assertThat(STANDARD.afterWorkingDays(utc("2025-10-31T14:00:00Z"), 2, NEW_YORK))
                    .isEqualTo(utc("2025-11-04T15:00:00Z"));
        }

        @Test
        void aucklandAutumnBackKeepsTheLocalTime() {
            // Fri 4 Apr 10:00 NZDT (+13) -> Tue 8 Apr 10:00 NZST (+12)
            assertThat(STANDARD.afterWorkingDays(utc("2025-04-03T21:00:00Z"), 2, AUCKLAND))
                    .isEqualTo(utc("2025-04-07T22:00:00Z"));
        }

        @Test
        void localTimeInTheSpringGapMovesToTheEndOfTheGap() {
            // London skips 01:00-02:00 on Sun 30 Mar 2025: Sat 01:30 GMT + 1 day -> Sun 02:00 BST.
            WorkingTime nights = new WorkingTime(EVERY_DAY, LocalTime.of(1, 0), LocalTime.of(23, 0));
            assertThat(nights.afterWorkingDays(utc("2025-03-29T01:30:00Z"), 1, LONDON))
                    .isEqualTo(utc("2025-03-30T01:00:00Z"));
        }

        @Test
        void gapPushingPastEndMovesToNextWorkingDaysStart() {
            // Sat 02:15 EST + 1 day -> Sun 02:15 does not exist -> 03:00 EDT is after 02:30 -> Mon 00:00 EDT.
            WorkingTime small = new WorkingTime(EVERY_DAY, LocalTime.MIDNIGHT, LocalTime.of(2, 30));
            assertThat(small.afterWorkingDays(utc("2025-03-08T07:15:00Z"), 1, NEW_YORK))
                    .isEqualTo(utc("2025-03-10T04:00:00Z"));
        }

        @Test
        void ambiguousLocalTimeTakesTheEarlierOffset() {
            // London repeats 01:00-02:00 on Sun 26 Oct 2025: Sat 01:30 BST + 1 day -> Sun 01:30 BST, not GMT.
            WorkingTime nights = new WorkingTime(EVERY_DAY, LocalTime.of(1, 0), LocalTime.of(23, 0));
            assertThat(nights.afterWorkingDays(utc("2025-10-25T00:30:00Z"), 1, LONDON))
                    .isEqualTo(utc("2025-10-26T00:30:00Z"));
        }

        @Test
        void sameRequestCountsInEachRecipientsZone() {
            Instant request = utc("2025-06-05T21:00:00Z"); // Fri 09:00 Auckland, Fri 02:30 Kolkata, Thu 22:00 London
            assertThat(STANDARD.afterWorkingDays(request, 2, AUCKLAND)).isEqualTo(utc("2025-06-09T21:00:00Z"));
            assertThat(STANDARD.afterWorkingDays(request, 2, KOLKATA)).isEqualTo(utc("2025-06-10T03:30:00Z"));
            assertThat(STANDARD.afterWorkingDays(request, 2, LONDON)).isEqualTo(utc("2025-06-10T08:00:00Z"));
        }

        @Test
        void kolkataEndAtHalfPastFiveIsOutside() {
            // Fri 17:30 IST -> counts from Mon 09:00 IST -> Wed 09:00 IST
            assertThat(STANDARD.afterWorkingDays(utc("2025-06-06T12:00:00Z"), 2, KOLKATA))
                    .isEqualTo(utc("2025-06-11T03:30:00Z"));
        }
    }

    @Nested
    class WorkingMornings {

        @Test
        void theNextWorkingDayAfterFridayIsMondayAndTheSecondTuesday() {
            LocalDate friday = LocalDate.parse("2025-06-06");
            assertThat(STANDARD.workingDayAfter(friday, 0)).isEqualTo(friday);
            assertThat(STANDARD.workingDayAfter(friday, 1)).isEqualTo(LocalDate.parse("2025-06-09"));
            assertThat(STANDARD.workingDayAfter(friday, 2)).isEqualTo(LocalDate.parse("2025-06-10"));
            assertThat(STANDARD.workingDayAfter(LocalDate.parse("2025-06-08"), 1)).as("from Sunday").isEqualTo(LocalDate.parse("2025-06-09"));
            assertThatThrownBy(() -> STANDARD.workingDayAfter(friday, -1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aWorkingDaysFirstMomentIsWhenWorkStartsThereAndAWeekendsIsMondays() {
            assertThat(STANDARD.firstWorkingMomentOn(LocalDate.parse("2025-06-04"), KOLKATA)).isEqualTo(utc("2025-06-04T03:30:00Z"));
            assertThat(STANDARD.firstWorkingMomentOn(LocalDate.parse("2025-06-07"), LONDON)).isEqualTo(utc("2025-06-09T08:00:00Z"));
        }

        @Test
        void theMondayAfterTheClocksChangeStartsAtNineLocalTime() {
            assertThat(STANDARD.firstWorkingMomentOn(LocalDate.parse("2025-03-30"), LONDON)).as("spring: BST")
                    .isEqualTo(utc("2025-03-31T08:00:00Z"));
            assertThat(STANDARD.firstWorkingMomentOn(LocalDate.parse("2025-10-26"), LONDON)).as("autumn: GMT")
                    .isEqualTo(utc("2025-10-27T09:00:00Z"));
        }

        @Test
        void aDayWhoseMidnightFallsInAGapStillHasItsMorning() {
            // Santiago moved its clocks forward at midnight on Sunday 7 September 2025: 00:00 never happened there.
            ZoneId santiago = ZoneId.of("America/Santiago");
            WorkingTime everyDay = new WorkingTime(EVERY_DAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
            assertThat(everyDay.firstWorkingMomentOn(LocalDate.parse("2025-09-07"), santiago))
                    .isEqualTo(LocalDate.parse("2025-09-07").atTime(9, 0).atZone(santiago).toInstant());
        }
    }

    @Nested
    class CustomWeek {

        private final WorkingTime sundayToThursday = new WorkingTime(
                EnumSet.of(SUNDAY, MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, THURSDAY),
                LocalTime.of(8, 0), LocalTime.of(17, 0));

        @Test
        void sundayIsWorkingAndFridayIsNot() {
            assertThat(sundayToThursday.isWorkingMoment(local("2025-06-08T10:00", JERUSALEM), JERUSALEM)).isTrue();
            assertThat(sundayToThursday.isWorkingMoment(local("2025-06-06T10:00", JERUSALEM), JERUSALEM)).isFalse();
        }

        @Test
        void thursdayPlusTwoSkipsFridayAndSaturday() {
            assertThat(sundayToThursday.afterWorkingDays(local("2025-06-05T14:00", JERUSALEM), 2, JERUSALEM))
                    .isEqualTo(local("2025-06-09T14:00", JERUSALEM));
        }

        @Test
        void madeOnFridayCountsFromSundayStart() {
            assertThat(sundayToThursday.afterWorkingDays(local("2025-06-06T10:00", JERUSALEM), 2, JERUSALEM))
                    .isEqualTo(local("2025-06-10T08:00", JERUSALEM));
        }

        @Test
        void singleWorkingDayWeek() {
            WorkingTime wednesdays = new WorkingTime(Set.of(DayOfWeek.WEDNESDAY), LocalTime.of(9, 0),
                    LocalTime.of(12, 0));
            assertThat(wednesdays.afterWorkingDays(local("2025-06-04T10:00", LONDON), 2, LONDON))
                    .isEqualTo(local("2025-06-18T10:00", LONDON));
            assertThat(wednesdays.nextWorkingMoment(local("2025-06-04T12:00", LONDON), LONDON))
                    .isEqualTo(local("2025-06-11T09:00", LONDON));
        }
    }

    /** Every few hours across 2025 (both DST changes): the results obey the contract, not just the examples. */
    @ParameterizedTest
    @ValueSource(strings = {"Europe/London", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"})
    void resultsAcrossAYearObeyTheContract(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        for (Instant from = utc("2025-01-01T00:00:00Z"); from.isBefore(utc("2026-01-01T00:00:00Z"));
                from = from.plus(Duration.ofMinutes(317))) {
            Instant next = STANDARD.nextWorkingMoment(from, zone);
            assertThat(STANDARD.isWorkingMoment(next, zone)).as("next working moment after %s", from).isTrue();
            assertThat(next).isAfterOrEqualTo(from);
            ZonedDateTime base = next.atZone(zone);

            Instant previous = null;
            for (int days = 0; days <= 5; days++) {
                Instant due = STANDARD.afterWorkingDays(from, days, zone);
                ZonedDateTime local = due.atZone(zone);
                assertThat(STANDARD.isWorkingMoment(due, zone)).as("%s + %d in %s", from, days, zone).isTrue();
                assertThat(local.toLocalTime()).as("%s + %d keeps the local time", from, days)
                        .isEqualTo(base.toLocalTime());
                assertThat(workingDaysBetween(base.toLocalDate(), local.toLocalDate())).isEqualTo(days);
                if (previous != null) {
                    assertThat(due).isAfter(previous);
                }
                previous = due;
            }
        }
    }

    private static long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return fromExclusive.plusDays(1).datesUntil(toInclusive.plusDays(1))
                .filter(date -> STANDARD.workingDays().contains(date.getDayOfWeek()))
                .count();
    }
}
