package dev.stepwise.core.feedback.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders after 2 and 5 working days in the recipient's timezone and working hours, each sent once, never after
 * an answer or the due date; snoozes end with the reminder asked for; requests close at their due date.
 */
class RequestRemindersTest {

    private static final ZoneId LONDON = TestOrganisation.ZONE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final TestClock clock = CoreTestContext.bean(TestClock.class);
    private TestOrganisation org;
    private ConversationTester chat;
    private JdbcClient jdbc;
    private RequestReminders reminders;
    private ZonedDateTime monday;

    @BeforeEach
    void aRequestMadeOnAMondayMorning() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        jdbc = CoreTestContext.bean(JdbcClient.class);
        reminders = CoreTestContext.bean(RequestReminders.class);
        // The Monday of the base instant's week, 10:00 in London: whatever the base, the request is made then.
        monday = TestClock.baseWeekMonday(LONDON, LocalTime.of(10, 0));
        clock.set(monday.toInstant());
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.base().toInstant());
    }

    private void request(String due) {
        chat.as("ben").says("request feedback from Priya and Sam").press("Not about an objective").submit(Map.of("due", due));
        assertThat(jdbc.sql("select created_at from feedback_requests where organisation_id = ?").param(org.id())
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(monday.toInstant());
    }

    /** {@code days} after the request's Monday, at this time in London (so a daylight-saving change between moves nothing). */
    private Instant london(int days, int hour, int minute) {
        return monday.plusDays(days).with(LocalTime.of(hour, minute)).toInstant();
    }

    private long reminderCount(String person) {
        return chat.inboxOf(person).stream().filter(m -> m.contains("reminder")).count();
    }

    @Test
    void theFirstReminderComesAfterTwoWorkingDaysInsideWorkingHoursAndOnlyOnce() {
        request("14");
        reminders.runAt(london(1, 10, 0));
        assertThat(reminderCount("priya")).as("Tuesday: too early").isZero();

        reminders.runAt(london(2, 9, 59));
        assertThat(reminderCount("priya")).as("Wednesday 09:59: not yet two working days").isZero();
        reminders.runAt(london(2, 19, 0));
        assertThat(reminderCount("priya")).as("Wednesday 19:00: outside working hours").isZero();

        reminders.runAt(london(2, 10, 0));
        reminders.runAt(london(2, 10, 1));
        assertThat(reminderCount("priya")).as("Wednesday 10:00, twice run").isEqualTo(1);
        assertThat(chat.inboxOf("priya").getLast()).contains("A reminder: **Ben Adeyemi** would value your feedback", "[Give feedback]");
        assertThat(reminderCount("sam")).isEqualTo(1);
    }

    @Test
    void theSecondReminderComesAfterFiveWorkingDaysAndNeverAfterAnAnswer() {
        request("14");
        reminders.runAt(london(2, 10, 0));
        clock.set(london(2, 11, 0));
        chat.as("sam").pressInInbox("Give feedback").submit(Map.of("wentWell", "Good planning."));

        reminders.runAt(london(5, 10, 0));
        assertThat(reminderCount("priya")).as("Saturday: not a working day").isEqualTo(1);
        reminders.runAt(london(7, 9, 59));
        assertThat(reminderCount("priya")).as("next Monday 09:59: not yet five working days").isEqualTo(1);
        reminders.runAt(london(7, 10, 0));
        reminders.runAt(london(7, 10, 1));

        assertThat(reminderCount("priya")).isEqualTo(2);
        assertThat(chat.inboxOf("priya").getLast()).contains("A last reminder");
        assertThat(reminderCount("sam")).as("Sam answered").isEqualTo(1);
        reminders.runAt(london(8, 10, 0));
        assertThat(reminderCount("priya")).as("never a third").isEqualTo(2);
    }

    @Test
    void aSnoozeEndsWithTheReminderThePersonAskedFor() {
        request("14");
        chat.as("priya").pressInInbox("Not now").press("Tomorrow morning")
                .expectReply("I'll remind you on " + DAY.format(monday.plusDays(1)) + " at 09:00.");

        reminders.runAt(london(1, 8, 59));
        assertThat(reminderCount("priya")).as("not before the time asked").isZero();
        reminders.runAt(london(1, 9, 0));
        assertThat(chat.inboxOf("priya").getLast()).contains("As you asked, a reminder");
        assertThat(jdbc.sql("select status from feedback_request_recipients r join people p on p.id = r.recipient_id "
                + "where r.organisation_id = ? and p.key = 'priya'").param(org.id()).query(String.class).single()).isEqualTo("pending");

        reminders.runAt(london(2, 10, 0));
        assertThat(reminderCount("priya")).as("the snooze's reminder stands in for the first one").isEqualTo(1);
        assertThat(reminderCount("sam")).isEqualTo(1);
    }

    @Test
    void atItsDueDateTheRequestClosesWithTheSummaryAndNoMoreRemindersOrAnswers() {
        request("3");
        chat.as("sam").pressInInbox("Give feedback").submit(Map.of("wentWell", "Clear goals for the sprint."));
        reminders.runAt(london(2, 10, 0));
        assertThat(reminderCount("priya")).isEqualTo(1);

        assertThat(reminders.runAt(london(3, 9, 59)).expired()).as("Thursday 09:59: still open").isZero();
        RequestReminders.Run run = reminders.runAt(london(3, 10, 0));

        assertThat(run.expired()).isPositive();
        assertThat(chat.inboxOf("ben").getLast()).contains("Summary of your feedback request", "1 of 2", "Clear goals for the sprint.");
        assertThat(jdbc.sql("select status from feedback_requests where organisation_id = ?").param(org.id())
                .query(String.class).single()).isEqualTo("expired");
        reminders.runAt(london(7, 10, 0));
        assertThat(reminderCount("priya")).as("no reminder after the due date").isEqualTo(1);
        clock.set(london(4, 10, 0));
        chat.as("priya").pressInInbox("Give feedback").expectReply("That request has closed");
    }
}
