package dev.stepwise.core.catalogue.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration the way exports write it and gives whole minutes (rounded up): {@code 90}, {@code 90 min},
 * {@code 1h 30m}, {@code 1h30}, {@code 1.5 hours}, {@code 2 hours}, {@code 1 hour 30 minutes}, {@code 01:30}
 * (hours and minutes), {@code 1:30:00}, {@code PT1H30M} (ISO 8601). A bare number is in the mapping's unit.
 */
public final class Durations {

    /** What a bare number means. */
    public enum Unit { MINUTES, HOURS }

    /** The longest duration accepted: 10,000 hours. */
    public static final int MAX_MINUTES = 600_000;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern CLOCK = Pattern.compile("(\\d+):([0-5]\\d)(?::([0-5]\\d))?");
    private static final Pattern ISO = Pattern.compile("pt(?:(\\d+(?:[.,]\\d+)?)h)?(?:(\\d+(?:[.,]\\d+)?)m)?(?:(\\d+(?:[.,]\\d+)?)s)?");
    private static final Pattern PART = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)?\\s*(?:,|and)?\\s*");

    private Durations() {
    }

    /** Minutes, or empty when {@code text} isn't a duration (zero and negative durations aren't). */
    public static Optional<Integer> minutes(String text, Unit unit) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        BigDecimal seconds = seconds(value, unit);
        if (seconds == null || seconds.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal minutes = seconds.divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING);
        if (minutes.compareTo(BigDecimal.valueOf(MAX_MINUTES)) > 0) {
            return Optional.empty();
        }
        return Optional.of(minutes.intValueExact());
    }

    private static BigDecimal seconds(String value, Unit unit) {
        if (NUMBER.matcher(value).matches()) {
            return number(value).multiply(BigDecimal.valueOf(unit == Unit.HOURS ? 3600 : 60));
        }
        Matcher clock = CLOCK.matcher(value);
        if (clock.matches()) {
            long total = Long.parseLong(clock.group(1)) * 3600 + Long.parseLong(clock.group(2)) * 60
                    + (clock.group(3) == null ? 0 : Long.parseLong(clock.group(3)));
            return BigDecimal.valueOf(total);
        }
        Matcher iso = ISO.matcher(value);
        if (iso.matches() && value.length() > 2) {
            return part(iso.group(1), 3600).add(part(iso.group(2), 60)).add(part(iso.group(3), 1));
        }
        return spelledOut(value);
    }

    /** "1h 30m", "1 hour and 30 minutes", "1h30": parts with units, a last bare number after hours being minutes. */
    private static BigDecimal spelledOut(String value) {
        Matcher part = PART.matcher(value);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        String previousUnit = null;
        while (at < value.length()) {
            if (!part.find(at) || part.start() != at || part.end() == at) {
                return null;
            }
            String unit = part.group(2);
            BigDecimal amount = number(part.group(1));
            if (unit == null) {
                boolean lastAfterHours = part.end() == value.length() && previousUnit != null && previousUnit.startsWith("h");
                if (!lastAfterHours) {
                    return null;
                }
                unit = "m";
            }
            total = total.add(amount.multiply(BigDecimal.valueOf(unit.startsWith("h") ? 3600 : unit.startsWith("m") ? 60 : 1)));
            previousUnit = unit;
            at = part.end();
        }
        return previousUnit == null ? null : total;
    }

    private static BigDecimal part(String number, int factor) {
        return number == null ? BigDecimal.ZERO : number(number).multiply(BigDecimal.valueOf(factor));
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(',', '.'));
    }
}
