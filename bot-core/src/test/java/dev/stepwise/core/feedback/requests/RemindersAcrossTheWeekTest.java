package dev.stepwise.core.feedback.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The requests' clock played every 30 minutes (the application runs it every minute) through three weeks: the week
 * of the base instant, and the weeks around the next two daylight-saving changes in London, where the test
 * organisation's people work. A request is made at five moments of every day (night, early morning, morning,
 * lunchtime, evening); at each, one colleague ignores it, one answers at their first reminder, one says "Not now" at
 * once and one at their first reminder, each picking a time; and a three-day request goes to a colleague who says
 * "Not now" at once, often to a time after it closes. Then, for each request, what everyone received and when is
 * checked against the rules: reminders only inside working days and hours, each kind at most once and never two
 * within a day, a snooze's reminder exactly at the time it promised (a working morning), nothing after an answer or
 * the due date, and the summary at the due date.
 */
class RemindersAcrossTheWeekTest {

    private static final ZoneId LONDON = TestOrganisation.ZONE;
    private static final Duration TICK = Duration.ofMinutes(30);
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(17, 30);
    private static final List<LocalTime> MOMENTS = List.of(LocalTime.of(1, 30), LocalTime.of(8, 30), LocalTime.of(10, 0),
            LocalTime.of(12, 30), LocalTime.of(19, 0));
    private static final List<String> SNOOZES = List.of("Tomorrow morning", "In 2 days", "Next week");
    private static final String BEN = "Ben Adeyemi";
    private static final String PRIYA = "Priya Sharma";
    private static final Pattern PROMISE = Pattern.compile("I'll remind you on (\\w+) (\\d+) (\\w+) at (\\d\\d):(\\d\\d)\\.");

    private final TestClock clock = CoreTestContext.bean(TestClock.class);
    private final RequestReminders reminders = CoreTestContext.bean(RequestReminders.class);
    private final JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);

    @AfterEach
    void resetClock() {
        clock.set(TestClock.base().toInstant());
    }

    @TestFactory
    Stream<DynamicTest> theWeekOfTheBaseInstant() {
        return week(TestClock.base().withZoneSameInstant(LONDON).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    @TestFactory
    Stream<DynamicTest> theWeekAroundTheNextDaylightSavingChange() {
        return week(aroundTransition(1));
    }

    @TestFactory
    Stream<DynamicTest> theWeekAroundTheOneAfter() {
        return week(aroundTransition(2));
    }

    /** From the Thursday before the {@code n}-th clock change in London after the base instant, for a week. */
    private static LocalDate aroundTransition(int n) {
        Instant after = TestClock.base().toInstant();
        ZoneOffsetTransition transition = null;
        for (int i = 0; i < n; i++) {
            transition = LONDON.getRules().nextTransition(after);
            after = transition.getInstant();
        }
        LocalDate change = LocalDate.ofInstant(transition.getInstant(), LONDON);
        assertThat(change.getDayOfWeek()).as("London changes its clocks on a Sunday").isEqualTo(DayOfWeek.SUNDAY);
        return change.minusDays(3);
    }

    /** Requests made at every moment of the seven days from {@code first}, the clock played until all have closed. */
    private Stream<DynamicTest> week(LocalDate first) {
        List<Scenario> scenarios = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (LocalTime moment : MOMENTS) {
                int i = scenarios.size();
                scenarios.add(new Scenario(first.plusDays(day).atTime(moment).atZone(LONDON),
                        SNOOZES.get(i % 3), SNOOZES.get((i + 1) % 3), SNOOZES.get((i + 2) % 3)));
            }
        }
        play(scenarios);
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.toString(), s::check));
    }

    /** Runs the requests' clock every tick from the first request until two weeks after the last, as the scheduler would. */
    private void play(List<Scenario> scenarios) {
        TreeMap<Instant, List<Scenario>> starts = new TreeMap<>();
        scenarios.forEach(s -> starts.computeIfAbsent(s.start.toInstant(), at -> new ArrayList<>()).add(s));
        Instant end = starts.lastKey().plus(Duration.ofDays(15));
        for (Instant t = starts.firstKey(); !t.isAfter(end); t = t.plus(TICK)) {
            clock.set(t);
            for (Scenario started : starts.getOrDefault(t, List.of())) {
                started.begin();
            }
            reminders.runAt(t);
            for (Scenario scenario : scenarios) {
                if (scenario.org != null) {
                    scenario.observe(t);
                }
            }
        }
        assertThat(scenarios).as("every request was made on a tick").allMatch(s -> s.org != null);
    }

    enum Kind { FIRST, LAST, SNOOZED, SUMMARY, OTHER }

    /** A message someone received at a tick, and whose request it was about (for reminders and summaries). */
    record Delivery(Instant at, Kind kind, String requester) {

        static Delivery of(Instant at, String text) {
            String requester = text.contains(BEN) ? BEN : text.contains(PRIYA) ? PRIYA : null;
            Kind kind = text.contains("As you asked, a reminder") ? Kind.SNOOZED
                    : text.contains("A last reminder") ? Kind.LAST
                    : text.contains("A reminder:") ? Kind.FIRST
                    : text.contains("Summary of your feedback request") ? Kind.SUMMARY
                    : Kind.OTHER;
            return new Delivery(at, kind, requester);
        }

        boolean reminder() {
            return kind == Kind.FIRST || kind == Kind.LAST || kind == Kind.SNOOZED;
        }
    }

    /**
     * One organisation: Ben asks Priya (ignores it), Sam (answers at his first reminder), Maya ("Not now" at once) and
     * Bea ("Not now" at her first reminder) with two weeks to answer; Priya asks Ben, who says "Not now" at once,
     * with three days.
     */
    private final class Scenario {

        final ZonedDateTime start;
        final String mayaSnooze;
        final String beaSnooze;
        final String benSnooze;
        TestOrganisation org;
        ConversationTester chat;
        Instant due;
        Instant shortDue;
        final Map<String, List<Delivery>> received = new HashMap<>();
        final Map<String, Integer> seen = new HashMap<>();
        final Map<String, Instant> snoozedAt = new HashMap<>();
        final Map<String, ZonedDateTime> promised = new HashMap<>();
        Instant samAnswered;

        Scenario(ZonedDateTime start, String mayaSnooze, String beaSnooze, String benSnooze) {
            this.start = start;
            this.mayaSnooze = mayaSnooze;
            this.beaSnooze = beaSnooze;
            this.benSnooze = benSnooze;
        }

        void begin() {
            org = TestOrganisation.create();
            chat = new ConversationTester(org);
            chat.as("ben").says("request feedback from Priya, Sam, Maya and Bea").press("Not about an objective")
                    .submit(Map.of("due", "14")).expectReply("I've asked");
            chat.as("priya").says("request feedback from Ben Adeyemi").press("Not about an objective")
                    .submit(Map.of("due", "3")).expectReply("I've asked");
            due = dueOf("ben");
            shortDue = dueOf("priya");
            for (String person : List.of("priya", "sam", "maya", "bea", "ben")) {
                seen.put(person, chat.inboxOf(person).size());
                received.put(person, new ArrayList<>());
            }
            snooze("maya", mayaSnooze, clock.instant());
            snooze("ben", benSnooze, clock.instant());
        }

        private Instant dueOf(String requester) {
            return jdbc.sql("select due_at from feedback_requests where organisation_id = ? and requester_id = ?")
                    .params(org.id(), org.personId(requester)).query(OffsetDateTime.class).single().toInstant();
        }

        /** "Not now", then the choice, on the newest request in their inbox; keeps the time the reply promises. */
        private void snooze(String person, String choice, Instant at) {
            String reply = chat.as(person).pressInInbox("Not now").press(choice).lastText();
            Matcher promise = PROMISE.matcher(reply);
            assertThat(promise.find()).as("%s's reply to %s at %s: %s", person, choice, at, reply).isTrue();
            snoozedAt.put(person, at);
            promised.put(person, promisedTime(promise, LocalDate.ofInstant(at, LONDON)));
        }

        /** What each person received since the last tick; Sam answers and Bea snoozes at their first reminder. */
        void observe(Instant t) {
            for (String person : received.keySet()) {
                List<String> inbox = chat.inboxOf(person);
                for (String text : inbox.subList(seen.get(person), inbox.size())) {
                    Delivery delivery = Delivery.of(t, text);
                    received.get(person).add(delivery);
                    if (delivery.kind() == Kind.FIRST && person.equals("sam") && samAnswered == null) {
                        chat.as("sam").pressInInbox("Give feedback").submit(Map.of("wentWell", "Clear plan."))
                                .expectReply("Thanks!");
                        samAnswered = t;
                    }
                    if (delivery.kind() == Kind.FIRST && person.equals("bea") && !snoozedAt.containsKey("bea")) {
                        snooze("bea", beaSnooze, t);
                    }
                }
                seen.put(person, inbox.size());
            }
        }

        void check() {
            received.forEach((person, deliveries) -> deliveries.stream().filter(Delivery::reminder).forEach(reminder -> {
                assertThat(workingMoment(reminder.at())).as("%s's %s at %s is inside working days and hours", person,
                        reminder.kind(), local(reminder.at())).isTrue();
                assertThat(reminder.at()).as("%s's %s comes before the request closes", person, reminder.kind())
                        .isBefore(reminder.requester().equals(BEN) ? due : shortDue);
            }));
            received.forEach((person, deliveries) -> {
                List<Delivery> reminders = deliveries.stream().filter(Delivery::reminder).toList();
                for (int i = 1; i < reminders.size(); i++) {
                    if (reminders.get(i).kind() != Kind.SNOOZED) {
                        assertThat(Duration.between(reminders.get(i - 1).at(), reminders.get(i).at()))
                                .as("%s's reminders %s: none unasked within a day of another", person, reminders)
                                .isGreaterThanOrEqualTo(Duration.ofDays(1));
                    }
                }
            });

            Delivery priyaFirst = only("priya", Kind.FIRST, BEN);
            Delivery priyaLast = only("priya", Kind.LAST, BEN);
            assertThat(workingDaysBetween(start, priyaFirst.at())).as("first reminder after two working days").isGreaterThanOrEqualTo(2);
            assertThat(workingDaysBetween(start, priyaLast.at())).as("last reminder after five working days").isGreaterThanOrEqualTo(5);

            assertThat(samAnswered).as("Sam answered at his first reminder").isNotNull();
            assertThat(kinds("sam", BEN)).as("Sam: nothing after his answer").containsExactly(Kind.FIRST);

            assertSnoozeKept("maya", mayaSnooze, BEN, due);
            assertThat(kinds("maya", BEN)).as("Maya: the snooze's reminder stands in for the first")
                    .containsExactly(Kind.SNOOZED, Kind.LAST);

            assertThat(snoozedAt).as("Bea said Not now at her first reminder").containsKey("bea");
            assertSnoozeKept("bea", beaSnooze, BEN, due);
            assertThat(kinds("bea", BEN)).containsExactly(Kind.FIRST, Kind.SNOOZED, Kind.LAST);

            assertSnoozeKept("ben", benSnooze, PRIYA, shortDue);
            assertThat(kinds("ben", PRIYA)).as("Ben: nothing but the snooze's reminder, if it came before the due date")
                    .containsExactlyElementsOf(promised.get("ben").toInstant().isBefore(shortDue) ? List.of(Kind.SNOOZED) : List.of());

            assertThat(only("ben", Kind.SUMMARY, null).at()).as("Ben's summary, at the due date").isEqualTo(due);
            assertThat(only("priya", Kind.SUMMARY, null).at()).as("Priya's summary, at the due date").isEqualTo(shortDue);
        }

        /** The promise is a working morning as asked, and its reminder came exactly then unless the request closed first. */
        private void assertSnoozeKept(String person, String choice, String requester, Instant closes) {
            ZonedDateTime when = promised.get(person);
            LocalDate pressed = LocalDate.ofInstant(snoozedAt.get(person), LONDON);
            assertThat(when.toLocalTime()).as("%s's snooze ends when work starts", person).isEqualTo(OPENS);
            assertThat(when.toLocalDate()).as("%s pressed %s on %s", person, choice, pressed.getDayOfWeek())
                    .isEqualTo(expectedDay(choice, pressed));
            List<Instant> snoozeReminders = deliveries(person, Kind.SNOOZED, requester).stream().map(Delivery::at).toList();
            assertThat(snoozeReminders).as("%s's reminder after %s", person, choice)
                    .containsExactlyElementsOf(when.toInstant().isBefore(closes) ? List.of(when.toInstant()) : List.of());
        }

        private List<Delivery> deliveries(String person, Kind kind, String requester) {
            return received.get(person).stream().filter(d -> d.kind() == kind)
                    .filter(d -> requester == null || requester.equals(d.requester())).toList();
        }

        private Delivery only(String person, Kind kind, String requester) {
            List<Delivery> found = deliveries(person, kind, requester);
            assertThat(found).as("%s's %s", person, kind).hasSize(1);
            return found.getFirst();
        }

        private List<Kind> kinds(String person, String requester) {
            return received.get(person).stream().filter(Delivery::reminder).filter(d -> requester.equals(d.requester()))
                    .map(Delivery::kind).toList();
        }

        @Override
        public String toString() {
            return "%s %s in London: Maya %s, Bea %s at her first reminder, Ben %s on a 3-day request".formatted(
                    start.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), start.toLocalDateTime(),
                    mayaSnooze, beaSnooze, benSnooze);
        }
    }

    /** The day a snooze should end, pressed on {@code pressed}: the next or second working day, or next week's Monday. */
    private static LocalDate expectedDay(String choice, LocalDate pressed) {
        return switch (choice) {
            case "Tomorrow morning" -> workingDayAfter(pressed, 1);
            case "In 2 days" -> workingDayAfter(pressed, 2);
            case "Next week" -> pressed.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            default -> throw new IllegalArgumentException(choice);
        };
    }

    private static LocalDate workingDayAfter(LocalDate date, int days) {
        LocalDate day = date;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (weekday(day)) {
                counted++;
            }
        }
        return day;
    }

    private static boolean weekday(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, LONDON);
    }

    /** Monday to Friday, 09:00 to 17:30 in London. */
    private static boolean workingMoment(Instant at) {
        LocalDateTime local = local(at);
        return weekday(local.toLocalDate()) && !local.toLocalTime().isBefore(OPENS) && local.toLocalTime().isBefore(CLOSES);
    }

    /** Working days that began after {@code from} and by {@code to} (a working day begins at 09:00). */
    private static long workingDaysBetween(ZonedDateTime from, Instant to) {
        LocalDate day = from.toLocalDate();
        long count = 0;
        for (LocalDate d = day.plusDays(from.toLocalTime().isBefore(OPENS) ? 0 : 1); ; d = d.plusDays(1)) {
            Instant opens = d.atTime(OPENS).atZone(LONDON).toInstant();
            if (opens.isAfter(to)) {
                return count;
            }
            if (weekday(d)) {
                count++;
            }
        }
    }

    /** "Tuesday 24 November at 09:00", said on {@code said}: the next such date from then, checked against its weekday. */
    private static ZonedDateTime promisedTime(Matcher promise, LocalDate said) {
        Month month = Arrays.stream(Month.values())
                .filter(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equals(promise.group(3))).findFirst().orElseThrow();
        LocalDate date = MonthDay.of(month, Integer.parseInt(promise.group(2))).atYear(said.getYear());
        if (date.isBefore(said)) {
            date = date.plusYears(1);
        }
        assertThat(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).isEqualTo(promise.group(1));
        assertThat(ChronoUnit.DAYS.between(said, date)).as("a snooze ends within a week").isBetween(0L, 7L);
        return date.atTime(Integer.parseInt(promise.group(4)), Integer.parseInt(promise.group(5))).atZone(LONDON);
    }
}
