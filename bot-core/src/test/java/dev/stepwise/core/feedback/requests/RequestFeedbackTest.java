package dev.stepwise.core.feedback.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Asking several colleagues at once, and each colleague's side: give feedback, decline, not now. */
class RequestFeedbackTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private TestOrganisation org;
    private ConversationTester chat;
    private JdbcClient jdbc;

    @BeforeEach
    void newOrganisation() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        jdbc = CoreTestContext.bean(JdbcClient.class);
    }

    @Test
    void oneRequestReachesEveryoneNamedWithTheContextAndThreeChoices() {
        var ben = chat.as("ben");
        ben.says("request feedback from Priya, Sam and Maya")
                .expectReply("I'll ask **Priya Sharma**, **Sam Okoro** and **Maya Lindqvist**", "Which of your objectives");
        ben.press("Ship onboarding v2");
        assertThat(ben.lastForm().title()).contains("Ship onboarding v2");
        ben.submit(Map.of("question", "1", "skill", skillId("testing")))
                .expectReply("I've asked **Priya Sharma**, **Sam Okoro** and **Maya Lindqvist** about \u201cShip onboarding v2\u201d");

        for (String colleague : List.of("priya", "sam", "maya")) {
            assertThat(chat.inboxOf(colleague)).singleElement().asString()
                    .contains("Ben Adeyemi asks for your feedback", "What should I keep doing, start doing and stop doing?",
                            "Ship onboarding v2", "Testing", "[Give feedback]", "[Not now]", "[Decline]");
        }
        assertThat(jdbc.sql("select count(*) from feedback_request_recipients where organisation_id = ? and status = 'pending'")
                .param(org.id()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void answersReachTheRequesterAsTheyArriveAndTheSummaryWhenEveryoneHasAnswered() {
        var ben = chat.as("ben");
        ben.says("request feedback from Priya and Sam").press("Ship onboarding v2").submit(Map.of("skill", skillId("testing")));

        var priya = chat.as("priya");
        priya.pressInInbox("Give feedback");
        assertThat(priya.lastForm().fields()).extracting(f -> f.label())
                .contains("What went well", "What could be better", "Testing (optional rating)");
        priya.submit(Map.of("wentWell", "Clear release notes.", "couldBeBetter", "Start the rollout earlier.",
                        "rating." + skillId("testing"), "3"))
                .expectReply("Thanks! Your feedback is on its way to **Ben Adeyemi**.");
        assertThat(chat.inboxOf("ben").getLast()).contains("Priya Sharma answered your request", "1 of 2 answered",
                "Question: What's one thing I did well", "Went well: Clear release notes.",
                "Could be better: Start the rollout earlier.", "Objective: Ship onboarding v2", "Skill: Testing (Competent)")
                .as("the question is the context").doesNotContain("Context:");

        chat.as("sam").pressInInbox("Give feedback").submit(Map.of("wentWell", "Calm under pressure."));

        assertThat(chat.inboxOf("ben").getLast()).contains("Summary of your feedback request", "Answered: 2 of 2",
                "Clear release notes.", "Calm under pressure.");
        assertThat(jdbc.sql("select status from feedback_requests where organisation_id = ?").param(org.id())
                .query(String.class).single()).isEqualTo("closed");
        assertThat(jdbc.sql("select rating from feedback_item_skills fs join feedback_items f on f.id = fs.feedback_item_id "
                + "where f.organisation_id = ? and fs.rating is not null").param(org.id()).query(Integer.class).list()).containsExactly(3);
    }

    @Test
    void anAnonymousRequestNeverNamesWhoAnsweredAndShowsNothingBelowTheThreshold() {
        var ben = chat.as("ben");
        ben.says("request feedback from Priya and Sam").press("Ship onboarding v2")
                .submit(Map.of("anonymous", "yes")).expectReply("Answers are anonymous");

        chat.as("priya").pressInInbox("Give feedback").submit(Map.of("wentWell", "Priya's words: thorough tests."));
        assertThat(chat.inboxOf("ben").getLast()).contains("Someone answered", "1 of 2 answered")
                .doesNotContain("Priya", "thorough tests");
        chat.as("sam").pressInInbox("Give feedback").submit(Map.of("wentWell", "Good demos."));

        String summary = chat.inboxOf("ben").getLast();
        assertThat(summary).contains("Summary of your feedback request", "fewer than the 3 needed").doesNotContain("Priya", "Sam", "thorough", "Good demos");
        ben.says("my feedback");
        assertThat(ben.lastText()).doesNotContain("thorough tests", "Good demos");
    }

    @Test
    void withoutNamesItAsksWithAFormThatExplainsWhatWasWrong() {
        var ben = chat.as("ben");
        ben.says("request feedback");
        assertThat(ben.lastForm().fields()).extracting(f -> f.label()).containsExactly("Whom would you like to ask?");
        ben.submit(Map.of("names", "Priya and Zebedee"));
        assertThat(ben.lastForm().fields().getFirst().error()).contains("I couldn't find anyone called **Zebedee**");
        assertThat(ben.lastForm().fields().getFirst().value()).as("what they typed is kept").isEqualTo("Priya and Zebedee");
        ben.submit(Map.of("names", "Priya and Sam")).expectReply("I'll ask **Priya Sharma** and **Sam Okoro**");
    }

    @Test
    void badRecipientsAreExplainedAndNothingIsAsked() {
        var ben = chat.as("ben");
        ben.says("request feedback from Ben").expectReply("**Ben** is you");
        ben.says("Priya, Zebedee").expectReply("I couldn't find anyone called **Zebedee**");
        ben.says("Priya, Priya and Sam").expectReply("You named **Priya Sharma** twice; I'll ask them once.",
                "I'll ask **Priya Sharma** and **Sam Okoro**");
        assertThat(jdbc.sql("select count(*) from feedback_requests where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void moreThanTenPeopleAreRefused() {
        var people = CoreTestContext.bean(dev.stepwise.core.people.People.class);
        List<String> names = new java.util.ArrayList<>(List.of("Priya", "Sam", "Maya", "Bea"));
        for (String name : List.of("Olu", "Ines", "Tariq", "Wen", "Karl", "Lena", "Nico")) {
            people.add(org.id(), new dev.stepwise.core.people.NewPerson(name.toLowerCase(), name + " Tester",
                    name.toLowerCase() + "@example.org", "Europe/London", null, null, null));
            names.add(name);
        }
        var ben = chat.as("ben");
        ben.says("request feedback from " + String.join(", ", names)).expectReply("You can ask up to 10 people at once; that's 11.");
        ben.says(String.join(", ", names.subList(0, 10))).expectReply("I'll ask", "Karl Tester");
        assertThat(ben.lastText()).doesNotContain("Nico");
    }

    @Test
    void declineAndNotNowAreRecordedOnceAndTheRequesterIsTold() {
        chat.as("ben").says("request feedback from Priya and Sam").press("Not about an objective").submit(Map.of());

        var priya = chat.as("priya");
        priya.pressInInbox("Decline").submit(Map.of("reason", "I wasn't on the project")).expectReply("won't be answering");
        assertThat(chat.inboxOf("ben").getLast()).contains("Priya Sharma declined", "I wasn't on the project");
        priya.pressInInbox("Decline").expectReply("You declined this request");
        priya.pressInInbox("Give feedback").expectReply("You declined this request");

        var sam = chat.as("sam");
        sam.pressInInbox("Not now").press("Tomorrow morning").expectReply("I'll remind you on");
        assertThat(jdbc.sql("select status from feedback_request_recipients r join people p on p.id = r.recipient_id "
                + "where r.organisation_id = ? and p.key = 'sam'").param(org.id()).query(String.class).single()).isEqualTo("snoozed");
        sam.pressInInbox("Give feedback").submit(Map.of("couldBeBetter", "Share the plan sooner."))
                .expectReply("Thanks!");
        sam.pressInInbox("Give feedback").expectReply("You've already answered");
        assertThat(jdbc.sql("select count(*) from feedback_items where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anEmptyAnswerAsksAgainAndStoresNothing() {
        chat.as("ben").says("request feedback from Priya").press("Not about an objective").submit(Map.of());
        var priya = chat.as("priya");
        priya.pressInInbox("Give feedback").submit(Map.of());
        assertThat(priya.lastForm().fields().getFirst().error()).contains("Please write your feedback: it can't be empty.");
        assertThat(jdbc.sql("select count(*) from feedback_items where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aBadStageAndTooManyWordsAreShownTogetherAndTheRequestStillWaitsForTheAnswer() {
        var ben = chat.as("ben");
        ben.says("request feedback from Priya and Sam").press("Ship onboarding v2").submit(Map.of("skill", skillId("testing")));
        var priya = chat.as("priya");
        priya.pressInInbox("Give feedback").submit(Map.of("couldBeBetter", "y".repeat(2001), "rating." + skillId("testing"), "9"));

        var form = priya.lastForm();
        assertThat(form.fields()).filteredOn(f -> f.name().equals("rating." + skillId("testing"))).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo("Please pick one of the stages in the list."));
        assertThat(form.fields()).filteredOn(f -> f.name().equals("couldBeBetter")).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo("That's 2,001 characters; please keep it to 2,000 or fewer."));
        assertThat(answerCount()).isZero();

        // With the stage fixed the answer reaches the recorder, which refuses it inside the answer's transaction.
        priya.submit(Map.of("rating." + skillId("testing"), "2"));
        assertThat(priya.lastForm().fields()).filteredOn(f -> f.name().equals("couldBeBetter")).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo("That's 2,001 characters; please keep it to 2,000 or fewer."));
        assertThat(answerCount()).isZero();
        assertThat(jdbc.sql("select status from feedback_request_recipients r join people p on p.id = r.recipient_id "
                + "where r.organisation_id = ? and p.key = 'priya'").param(org.id()).query(String.class).single()).isEqualTo("pending");
        assertThat(chat.inboxOf("ben")).noneMatch(m -> m.contains("answered your request"));

        priya.submit(Map.of("couldBeBetter", "Shorter.")).expectReply("Thanks!");
        assertThat(jdbc.sql("select could_be_better from feedback_items where organisation_id = ? and request_id is not null")
                .param(org.id()).query(String.class).single()).isEqualTo("Shorter.");
    }

    @Test
    void aNewObjectiveCanBeCreatedOnTheSpotAndIsStoredOnlyWithTheRequest() {
        var ben = chat.as("ben");
        ben.says("request feedback from Priya").press("A new objective").expectReply("What's the new objective?");
        ben.says("Run the Q3 planning workshop");
        assertThat(ben.lastForm().title()).contains("Run the Q3 planning workshop");
        assertThat(objectiveCount("Run the Q3 planning workshop")).as("nothing stored before the form").isZero();
        ben.submit(Map.of()).expectReply("about \u201cRun the Q3 planning workshop\u201d");
        assertThat(objectiveCount("Run the Q3 planning workshop")).isEqualTo(1);
        assertThat(chat.inboxOf("priya").getLast()).contains("Run the Q3 planning workshop");
    }

    @Test
    void anOverlongAnswerIsRefusedWithTheLimitAndKeepsWhatWasTyped() {
        chat.as("ben").says("request feedback from Priya").press("Not about an objective").submit(Map.of());
        var priya = chat.as("priya");
        String essay = "x".repeat(2500);
        priya.pressInInbox("Give feedback").submit(Map.of("wentWell", essay));
        assertThat(priya.lastText()).contains("2,500 characters", "2,000 or fewer");
        assertThat(priya.lastForm().fields().getFirst().value()).isEqualTo(essay);
        assertThat(jdbc.sql("select count(*) from feedback_items where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).isZero();
    }

    private int answerCount() {
        return jdbc.sql("select count(*) from feedback_items where organisation_id = ?").param(org.id()).query(Integer.class).single();
    }

    private int objectiveCount(String title) {
        return jdbc.sql("select count(*) from objectives where organisation_id = ? and title = ?").params(org.id(), title)
                .query(Integer.class).single();
    }

    @Test
    void someoneWhoWasntAskedCantAnswer() {
        chat.as("ben").says("request feedback from Priya").press("Not about an objective").submit(Map.of());
        String give = chat.inboxOf("priya").getFirst();
        assertThat(give).contains("[Give feedback]");
        var priya = chat.as("priya");
        priya.pressInInbox("Give feedback");
        // Sam presses the same button (e.g. a forwarded message): refused, nothing opens.
        var sam = chat.as("sam");
        sam.send(new dev.stepwise.core.conversation.Input.ButtonPressed("answer.give", requestId()), "evt-" + java.util.UUID.randomUUID());
        assertThat(sam.lastText()).contains("wasn't sent to you");
    }

    private String requestId() {
        return jdbc.sql("select id::text from feedback_requests where organisation_id = ?").param(org.id()).query(String.class).single();
    }

    private String skillId(String key) {
        return jdbc.sql("select id::text from skills where organisation_id = ? and key = ?").params(org.id(), key)
                .query(String.class).single();
    }

    @Test
    void theDueDateIsTheDateWhereEachReaderIs() {
        TestClock clock = CoreTestContext.bean(TestClock.class);
        // 23:30 on a Monday in London is already Tuesday in Tokyo, where Sam works.
        Instant late = TestClock.baseWeekMonday(TestOrganisation.ZONE, LocalTime.of(23, 30)).toInstant();
        jdbc.sql("update people set timezone = 'Asia/Tokyo' where organisation_id = ? and key = 'sam'").param(org.id()).update();
        clock.set(late);
        try {
            Instant due = late.plus(Duration.ofDays(7));
            chat.as("ben").says("request feedback from Priya and Sam").press("Not about an objective").submit(Map.of("due", "7"))
                    .expectReply("on " + DAY.format(due.atZone(TestOrganisation.ZONE)) + ", when the request closes");
            assertThat(chat.inboxOf("priya").getLast()).contains("Please answer by: " + DAY.format(due.atZone(TestOrganisation.ZONE)));
            assertThat(chat.inboxOf("sam").getLast()).contains("Please answer by: " + DAY.format(due.atZone(ZoneId.of("Asia/Tokyo"))));
        } finally {
            clock.set(TestClock.base().toInstant());
        }
    }
}
