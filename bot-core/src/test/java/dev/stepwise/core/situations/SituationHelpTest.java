package dev.stepwise.core.situations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.plan.Plans;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Just-in-time help in the conversation, without an LLM (the core as the tests wire it has none): diagnostic
 * questions for a vague situation, the extractive answer from the organisation's own catalogue, add to plan,
 * practise, and the check-in afterwards that becomes a feedback request.
 */
class SituationHelpTest {

    private TestOrganisation org;
    private ConversationTester chat;
    private final TestClock clock = CoreTestContext.bean(TestClock.class);
    private Instant start;

    @BeforeEach
    void newOrganisation() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        start = clock.instant();
        SituationCatalogue.add(org.id(), SituationCatalogue.HARD_TALKS, SituationCatalogue.ROLE_PLAY, SituationCatalogue.CHEMISTRY);
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void aVagueSituationGetsTwoOptionalQuestionsThenTheBestOfTheCatalogue() {
        var maya = chat.as("maya");
        maya.says("help me with a tough conversation");
        assertThat(maya.lastForm().fields()).extracting(f -> f.label())
                .containsExactly("What are you trying to solve?", "What would good look like afterwards?");

        maya.submit(Map.of("goal", "Agree an improvement plan on missed deadlines", "good", ""));

        String answer = maya.lastText();
        assertThat(answer).contains("Here's what your organisation's catalogue has for this",
                "Difficult conversations: a practical guide", "https://learning.example/hard-talks",
                "Prepare for a tough performance conversation", "Add to plan: Difficult conversations",
                "[Practise]", "[Check in with me afterwards]").doesNotContain("organic chemistry");
    }

    @Test
    void aDetailedSituationIsAnsweredStraightAwayAndAnItemCanBeAddedToThePlanOnce() {
        var maya = chat.as("maya");
        maya.says("I have a tough performance conversation with someone on my team tomorrow about missed deadlines")
                .expectReply("Difficult conversations: a practical guide");

        String addIt = maya.choiceLabels().stream().filter(l -> l.startsWith("Add to plan: Difficult conversations")).findFirst().orElseThrow();
        maya.press(addIt).expectReply("Added **Difficult conversations: a practical guide** to your plan.");
        maya.pressEarlier(addIt).expectReply("is already in your plan");
        assertThat(CoreTestContext.bean(Plans.class).forPerson(org.id(), org.personId("maya")))
                .extracting(p -> p.title()).containsOnlyOnce("Difficult conversations: a practical guide");
        maya.says("my plan").expectReply("Difficult conversations: a practical guide");
    }

    @Test
    void practiseOffersTheCataloguesPracticeActivities() {
        var maya = chat.as("maya");
        maya.says("I have a tough performance conversation with someone on my team tomorrow about missed deadlines");
        maya.press("Practise").expectReply("Ways to practise", "Rehearse a difficult conversation with a peer")
                .expectReply("Add to plan: Rehearse a difficult conversation");
        assertThat(maya.lastText()).doesNotContain("organic chemistry", "Difficult conversations: a practical guide");
    }

    @Test
    void anotherOrganisationsCatalogueNeverAppears() {
        TestOrganisation other = TestOrganisation.create();
        SituationCatalogue.add(other.id(), SituationCatalogue.item("other-talks", "Tough performance conversations masterclass",
                "https://other.example/masterclass", "Tough performance conversation with someone on your team about missed deadlines.",
                "course", 60));

        var maya = chat.as("maya");
        maya.says("I have a tough performance conversation with someone on my team tomorrow about missed deadlines");
        assertThat(maya.lastText()).contains("Difficult conversations").doesNotContain("masterclass", "other.example");
    }

    @Test
    void theCheckInComesOnceAtTheChosenTimeAndCanBecomeAFeedbackRequest() {
        ZonedDateTime monday = TestClock.baseWeekMonday(TestOrganisation.ZONE, LocalTime.of(10, 0));
        clock.set(monday.toInstant());
        var maya = chat.as("maya");
        maya.says("I have a tough performance conversation with Ben tomorrow about missed deadlines");
        maya.press("Check in with me afterwards").expectReply("When shall I ask how it went?");
        maya.press("Tomorrow afternoon").expectReply("I'll ask you how it went tomorrow afternoon.");

        FollowUpSender sender = CoreTestContext.bean(FollowUpSender.class);
        int inboxBefore = chat.inboxOf("maya").size();
        ZonedDateTime tomorrowAt4 = monday.plusDays(1).with(LocalTime.of(16, 0));
        sender.runAt(tomorrowAt4.minusMinutes(1).toInstant());
        assertThat(chat.inboxOf("maya")).as("not before 16:00 tomorrow, London").hasSize(inboxBefore);
        assertThat(sender.runAt(tomorrowAt4.toInstant())).isGreaterThanOrEqualTo(1);
        assertThat(chat.inboxOf("maya")).hasSize(inboxBefore + 1);
        assertThat(chat.inboxOf("maya").getLast()).contains("How did it go?", "tough performance conversation with Ben",
                "[Ask someone for feedback on it]", "[It went fine]");
        sender.runAt(tomorrowAt4.plusHours(1).toInstant());
        assertThat(chat.inboxOf("maya")).as("sent once").hasSize(inboxBefore + 1);

        maya.pressInInbox("Ask someone for feedback on it").expectReply("Whom shall I ask");
        maya.says("Ben Adeyemi").expectReply("I've asked **Ben Adeyemi**");
        assertThat(chat.inboxOf("ben").getLast()).contains("Maya Lindqvist asks for your feedback",
                "How did I handle this", "tough performance conversation with Ben");

        maya.pressInInbox("It went fine").expectReply("That check-in is already closed");
    }

    @Test
    void someoneElsesCheckInButtonDoesNothing() {
        var maya = chat.as("maya");
        maya.says("I have a tough performance conversation with Ben tomorrow about missed deadlines");
        maya.press("Check in with me afterwards");
        maya.press("Next week");
        // Next week is 7 days on at 16:00 in London, moved to Monday from a weekend: at most 10 days on.
        CoreTestContext.bean(FollowUpSender.class).runAt(clock.instant().plus(Duration.ofDays(10)));
        String followUpId = CoreTestContext.bean(JdbcClient.class)
                .sql("select id::text from situation_follow_ups where organisation_id = ?").param(org.id()).query(String.class).single();

        chat.as("ben").send(new dev.stepwise.core.conversation.Input.ButtonPressed(SituationHelpFlow.askAction(), followUpId),
                java.util.UUID.randomUUID().toString()).expectReply("That check-in is already closed");
    }

    @Test
    void anOverlongSituationIsRefusedKindly() {
        chat.as("maya").says("help me with " + "a very long story ".repeat(80)).expectReply("1,000 characters or fewer");
    }
}
