package dev.stepwise.core.feedback.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders after 2 and 5 working days in the recipient's timezone and working hours, each sent once, never after
 * an answer or the due date; snoozes end with the reminder asked for; requests close at their due date.
 */
class RequestRemindersTest {

    private TestOrganisation org;
    private ConversationTester chat;
    private JdbcClient jdbc;
    private RequestReminders reminders;
    private Instant asked;

    @BeforeEach
    void aRequestMadeOnAMondayMorning() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        jdbc = CoreTestContext.bean(JdbcClient.class);
        reminders = CoreTestContext.bean(RequestReminders.class);
    }

    private void request(String due) {
        chat.as("ben").says("request feedback from Priya and Sam").press("Not about an objective").submit(Map.of("due", due));
        asked = jdbc.sql("select created_at from feedback_requests where organisation_id = ?").param(org.id())
                .query(OffsetDateTime.class).single().toInstant();
        // People in the test organisation work in Europe/London; the request is moved to a Monday 10:00 there.
        Instant monday = asked.atZone(ZoneId.of("Europe/London")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .withHour(10).withMinute(0).withSecond(0).withNano(0).toInstant();
        Duration shift = Duration.between(asked, monday);
        jdbc.sql("update feedback_requests set created_at = created_at + ?::interval, due_at = due_at + ?::interval where organisation_id = ?")
                .params(shift.getSeconds() + " seconds", shift.getSeconds() + " seconds", org.id()).update();
        jdbc.sql("update feedback_request_recipients set asked_at = asked_at + ?::interval where organisation_id = ?")
                .params(shift.getSeconds() + " seconds", org.id()).update();
        asked = monday;
    }

    private long reminderCount(String person) {
        return chat.inboxOf(person).stream().filter(m -> m.contains("reminder")).count();
    }

    @Test
    void theFirstReminderComesAfterTwoWorkingDaysInsideWorkingHoursAndOnlyOnce() {
        request("14");
        reminders.runAt(asked.plus(Duration.ofDays(1)));
        assertThat(reminderCount("priya")).as("Tuesday: too early").isZero();

        reminders.runAt(asked.plus(Duration.ofDays(2)).plus(Duration.ofHours(9)));
        assertThat(reminderCount("priya")).as("Wednesday 19:00: outside working hours").isZero();

        reminders.runAt(asked.plus(Duration.ofDays(2)));
        reminders.runAt(asked.plus(Duration.ofDays(2)).plusSeconds(60));
        assertThat(reminderCount("priya")).as("Wednesday 10:00, twice run").isEqualTo(1);
        assertThat(chat.inboxOf("priya").getLast()).contains("A reminder: **Ben Adeyemi** would value your feedback", "[Give feedback]");
        assertThat(reminderCount("sam")).isEqualTo(1);
    }

    @Test
    void theSecondReminderComesAfterFiveWorkingDaysAndNeverAfterAnAnswer() {
        request("14");
        reminders.runAt(asked.plus(Duration.ofDays(2)));
        chat.as("sam").pressInInbox("Give feedback").submit(Map.of("wentWell", "Good planning."));

        Instant nextMonday = asked.plus(Duration.ofDays(7));
        reminders.runAt(nextMonday.minus(Duration.ofDays(2)));
        assertThat(reminderCount("priya")).as("Saturday: not a working day").isEqualTo(1);
        reminders.runAt(nextMonday);
        reminders.runAt(nextMonday.plusSeconds(60));

        assertThat(reminderCount("priya")).isEqualTo(2);
        assertThat(chat.inboxOf("priya").getLast()).contains("A last reminder");
        assertThat(reminderCount("sam")).as("Sam answered").isEqualTo(1);
        reminders.runAt(nextMonday.plus(Duration.ofDays(1)));
        assertThat(reminderCount("priya")).as("never a third").isEqualTo(2);
    }

    @Test
    void aSnoozeEndsWithTheReminderThePersonAskedFor() {
        request("14");
        chat.as("priya").pressInInbox("Not now").press("Tomorrow morning");
        reminders.runAt(Instant.now().plus(Duration.ofDays(2)));
        assertThat(chat.inboxOf("priya").getLast()).contains("As you asked, a reminder");
        assertThat(reminderCount("priya")).as("the snooze's reminder stands in for the first one").isEqualTo(1);
        assertThat(jdbc.sql("select status from feedback_request_recipients r join people p on p.id = r.recipient_id "
                + "where r.organisation_id = ? and p.key = 'priya'").param(org.id()).query(String.class).single()).isEqualTo("pending");
    }

    @Test
    void atItsDueDateTheRequestClosesWithTheSummaryAndNoMoreRemindersOrAnswers() {
        request("3");
        chat.as("sam").pressInInbox("Give feedback").submit(Map.of("wentWell", "Clear goals for the sprint."));
        reminders.runAt(asked.plus(Duration.ofDays(2)));
        assertThat(reminderCount("priya")).isEqualTo(1);

        RequestReminders.Run run = reminders.runAt(asked.plus(Duration.ofDays(3)).plusSeconds(1));

        assertThat(run.expired()).isPositive();
        assertThat(chat.inboxOf("ben").getLast()).contains("Summary of your feedback request", "1 of 2", "Clear goals for the sprint.");
        assertThat(jdbc.sql("select status from feedback_requests where organisation_id = ?").param(org.id())
                .query(String.class).single()).isEqualTo("expired");
        reminders.runAt(asked.plus(Duration.ofDays(7)));
        assertThat(reminderCount("priya")).as("no reminder after the due date").isEqualTo(1);
        chat.as("priya").pressInInbox("Give feedback").expectReply("That request has closed");
    }
}
