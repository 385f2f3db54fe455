package dev.stepwise.core.nudges;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Someone's working week: the days they work and the daily hours, {@code start} inclusive and {@code end} exclusive,
 * read in whatever timezone the caller passes. Hours may not cross midnight.
 *
 * <p>Where a local time falls into a daylight-saving gap, the first moment after the gap is used; where it is
 * ambiguous (clocks going back), the earlier offset is used.
 */
public record WorkingTime(Set<DayOfWeek> workingDays, LocalTime start, LocalTime end) {

    // Long enough to find a working day (there is one every week) even if DST swallows some openings.
    private static final int SEARCH_LIMIT_DAYS = 366;

    /**
     * @throws IllegalArgumentException if there is no working day or {@code start} is not before {@code end}
     */
    public WorkingTime {
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("At least one working day is needed");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Working hours must start before they end: " + start + "-" + end);
        }
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
    }

    /** Monday to Friday, 09:00 to 17:30. */
    public static WorkingTime standard() {
        return new WorkingTime(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 30));
    }

    /**
     * The moment that is {@code days} working days after {@code from} for someone in {@code zone}: the same local
     * time on the {@code days}-th following working day, moved into working hours (before start -&gt; start; after
     * end -&gt; next working day's start). A {@code from} outside working hours counts from the next start of working
     * hours, so {@code days == 0} gives {@link #nextWorkingMoment}.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public Instant afterWorkingDays(Instant from, int days, ZoneId zone) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDateTime base = nextWorkingMoment(from, zone).atZone(zone).toLocalDateTime();
        LocalDate date = workingDayAfter(base.toLocalDate(), days);
        return nextWorkingMoment(resolve(date.atTime(base.toLocalTime()), zone).toInstant(), zone);
    }

    /**
     * The {@code days}-th working day after {@code date} ({@code date} itself when {@code days == 0}), e.g. the next
     * working day for 1.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public LocalDate workingDayAfter(LocalDate date, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = date;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** When working hours next start on or after {@code date} in {@code zone}: that morning, or the next working day's. */
    public Instant firstWorkingMomentOn(LocalDate date, ZoneId zone) {
        return nextWorkingMoment(date.atStartOfDay(zone).toInstant(), zone);
    }

    /** {@code at} if it is inside working hours in {@code zone}, else the next start of working hours. */
    public Instant nextWorkingMoment(Instant at, ZoneId zone) {
        if (isWorkingMoment(at, zone)) {
            return at;
        }
        LocalDate date = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_LIMIT_DAYS; i++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            ZonedDateTime opening = resolve(date.atTime(start), zone);
            // When clocks go back the opening happens twice; the second one may still be ahead of `at`.
            for (ZonedDateTime candidate : List.of(opening, opening.withLaterOffsetAtOverlap())) {
                Instant instant = candidate.toInstant();
                if (!instant.isBefore(at) && isWorkingMoment(instant, zone)) {
                    return instant;
                }
            }
        }
        throw new IllegalStateException("No working moment within a year after " + at + " in " + zone);
    }

    /** Whether {@code at} is on a working day, at or after {@code start} and before {@code end}, in {@code zone}. */
    public boolean isWorkingMoment(Instant at, ZoneId zone) {
        LocalDateTime local = at.atZone(zone).toLocalDateTime();
        LocalTime time = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
    }

    private boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek());
    }

    // A local time in the DST gap becomes the end of the gap; an ambiguous one takes the earlier offset.
    private static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant().atZone(zone);
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap();
    }
}
