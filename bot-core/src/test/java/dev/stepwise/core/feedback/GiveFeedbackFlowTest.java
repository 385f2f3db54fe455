package dev.stepwise.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.people.People;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class GiveFeedbackFlowTest {

    private TestOrganisation org;
    private ConversationTester tester;

    @BeforeEach
    void setUp() {
        org = TestOrganisation.create();
        tester = new ConversationTester(org);
    }

    @Test
    void theOneMinuteFormKeepsWhatWentWellWhatCouldBeBetterAndAStageForTheSkill() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben").press("Cut flaky tests in half");
        String testing = field(priya.lastForm(), "skill").options().stream().filter(o -> o.label().equals("Testing"))
                .findFirst().orElseThrow().value();

        priya.submit(Map.of("wentWell", "You found the root cause fast.", "couldBeBetter", "Write it up for the team.",
                "rating", "3")).expectReply();
        assertThat(field(priya.lastForm(), "skill").error()).as("a stage needs a skill").contains("A stage needs a skill");
        assertThat(field(priya.lastForm(), "wentWell").value()).as("what was typed is kept").isEqualTo("You found the root cause fast.");

        priya.submit(Map.of("skill", testing)).expectReply("Thanks!");

        assertThat(tester.inboxOf("ben")).singleElement().satisfies(message -> assertThat(message).contains(
                "Went well: You found the root cause fast.", "Could be better: Write it up for the team.", "Skill: Testing (Competent)"));
        Map<String, Object> stored = jdbc().sql("""
                        select f.went_well, f.could_be_better, fs.rating from feedback_items f
                        join feedback_item_skills fs on fs.feedback_item_id = f.id where f.organisation_id = ?""")
                .param(org.id()).query().singleRow();
        assertThat(stored).containsEntry("went_well", "You found the root cause fast.")
                .containsEntry("could_be_better", "Write it up for the team.");
        assertThat(((Number) stored.get("rating")).intValue()).isEqualTo(3);
    }

    @Test
    void feedbackTaggedToAnObjectiveAndSkillReachesTheColleagueAtOnceAndIsStored() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben")
                .expectReply("Which of **Ben**'s objectives");
        assertThat(priya.choiceLabels()).contains("Ship onboarding v2", "Cut flaky tests in half",
                "Not about a specific objective", "Cancel");

        priya.press("Ship onboarding v2");
        var form = priya.lastForm();
        assertThat(form.title()).isEqualTo("Feedback for Ben Adeyemi about \u201cShip onboarding v2\u201d");
        assertThat(form.fields()).extracting(f -> f.name()).containsExactly("wentWell", "couldBeBetter", "skill", "rating", "text");
        // Ben is a Software Engineer: the skills offered are his role's.
        assertThat(field(form, "skill").options()).extracting(o -> o.label()).containsExactly("Communication", "Testing");

        String communication = field(form, "skill").options().getFirst().value();
        priya.submit(Map.of("skill", communication, "text", "Your demo made the trade-offs easy to follow."))
                .expectReply("Thanks!", "Ben Adeyemi", "\u201cShip onboarding v2\u201d and Communication");

        assertThat(tester.inboxOf("ben")).singleElement().satisfies(message -> assertThat(message)
                .contains("New feedback from Priya Sharma", "Your demo made the trade-offs easy to follow.",
                        "Objective: Ship onboarding v2", "Skill: Communication"));

        Map<String, Object> stored = jdbc().sql("""
                        select f.text, o.title as objective, s.name as skill, g.key as giver, r.key as receiver
                        from feedback_items f join objectives o on o.id = f.objective_id
                        join feedback_item_skills fs on fs.feedback_item_id = f.id join skills s on s.id = fs.skill_id
                        join people g on g.id = f.giver_id join people r on r.id = f.receiver_id
                        where f.organisation_id = ?""")
                .param(org.id()).query().singleRow();
        assertThat(stored).containsEntry("text", "Your demo made the trade-offs easy to follow.")
                .containsEntry("objective", "Ship onboarding v2").containsEntry("skill", "Communication")
                .containsEntry("giver", "priya").containsEntry("receiver", "ben");

        tester.as("ben").says("my feedback")
                .expectReply("From Priya Sharma", "Your demo made the trade-offs easy to follow.",
                        "Objective: Ship onboarding v2", "Skill: Communication");
    }

    @Test
    void textTypedWithTheCommandIsPrefilledAndATypedMessageCanBeTheFeedback() {
        var priya = tester.as("priya");
        priya.says("give feedback to ben adeyemi: thanks for pairing on the flaky tests")
                .press("Cut flaky tests in half");
        assertThat(field(priya.lastForm(), "text").value()).isEqualTo("thanks for pairing on the flaky tests");

        priya.says("Actually: thanks for pairing, it halved the failures.")
                .expectReply("Thanks!", "\u201cCut flaky tests in half\u201d");
        assertThat(tester.inboxOf("ben")).singleElement().asString()
                .contains("Actually: thanks for pairing, it halved the failures.");
        assertThat(feedbackCount()).isEqualTo(1);
    }

    @Test
    void askingWhoFirstThenObjectiveByNumberWorksInPlainText() {
        var maya = tester.as("maya");
        maya.says("give feedback").expectReply("Who would you like to give feedback to?");
        maya.says("Priya").expectReply("Which of **Priya**'s objectives");
        maya.says("1");
        assertThat(maya.lastForm().title()).isEqualTo("Feedback for Priya Sharma about \u201cLead the API review\u201d");
    }

    @Test
    void aColleagueWithoutObjectivesGoesStraightToTheForm() {
        var priya = tester.as("priya");
        priya.says("give feedback to Sam");
        assertThat(priya.lastForm().title()).isEqualTo("Feedback for Sam Okoro");
        priya.submit(Map.of("text", "Great first week!")).expectReply("Thanks!");
        assertThat(tester.inboxOf("sam")).singleElement().asString().contains("Great first week!").doesNotContain("Objective");
    }

    @Test
    void anAmbiguousNameOffersTheMatchesAsChoices() {
        var priya = tester.as("priya");
        priya.says("give feedback to Adeyemi")
                .expectReply("I found 2 people matching **Adeyemi**. Who did you mean?");
        assertThat(priya.choiceLabels()).contains("Ben Adeyemi (Software Engineer, Core)", "Bea Adeyemi (Software Engineer, Core)");
        priya.press("Bea Adeyemi (Software Engineer, Core)")
                .expectReply("Which of **Bea**'s objectives");
        assertThat(priya.choiceLabels()).contains("Mentor two new joiners");
    }

    @Test
    void anUnknownPersonGetsAClearMessageAndTheFlowWaitsForAnotherName() {
        var priya = tester.as("priya");
        priya.says("give feedback to Zed").expectReply("I couldn't find anyone called **Zed**");
        priya.says("Ben").expectReply("Which of **Ben**'s objectives");
        assertThat(feedbackCount()).isZero();
    }

    @Test
    void aMisspelledNameOffersTheNearestPeopleAsChoices() {
        var priya = tester.as("priya");
        priya.says("give feedback to Bne").expectReply("I couldn't find anyone called **Bne**.", "Did you mean");
        assertThat(priya.choiceLabels()).startsWith("Ben Adeyemi (Software Engineer, Core)").contains("Cancel");
        priya.press("Ben Adeyemi (Software Engineer, Core)").expectReply("Which of **Ben**'s objectives");
    }

    @Test
    void feedbackToOneselfIsRefusedKindly() {
        var priya = tester.as("priya");
        priya.says("give feedback to Priya Sharma").expectReply("That's you!", "Who would you like to give feedback to?");
        priya.says("priya@example.org").expectReply("That's you!");
        assertThat(feedbackCount()).isZero();
    }

    @Test
    void emptyAndOverlongFeedbackAskAgainKeepingWhatWasTyped() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben").press("Not about a specific objective");

        priya.submit(Map.of("text", "   "));
        assertThat(field(priya.lastForm(), "text").error()).isEqualTo("Please write your feedback: it can't be empty.");

        String essay = "a".repeat(2345);
        priya.submit(Map.of("text", essay));
        var text = field(priya.lastForm(), "text");
        assertThat(text.error()).isEqualTo("That's 2,345 characters; please keep it to 2,000 or fewer.");
        assertThat(text.value()).isEqualTo(essay);
        assertThat(text.maxLength()).isEqualTo(2000);
        assertThat(feedbackCount()).isZero();
        assertThat(tester.inboxOf("ben")).isEmpty();

        priya.submit(Map.of("text", "a".repeat(2000))).expectReply("Thanks!");
        assertThat(feedbackCount()).isEqualTo(1);
    }

    @Test
    void aSkillFromOutsideTheListIsRejectedInline() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben").press("Not about a specific objective");
        priya.submit(Map.of("skill", java.util.UUID.randomUUID().toString(), "text", "Nice"));
        assertThat(field(priya.lastForm(), "skill").error()).contains("pick one of the skills");
        assertThat(feedbackCount()).isZero();
    }

    @Test
    void aButtonPressedAfterTheFlowMovedOnChangesNothing() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben").press("Ship onboarding v2");
        priya.submit(Map.of("text", "Good call on the rollout plan.")).expectReply("Thanks!");

        priya.pressEarlier("Cut flaky tests in half").expectReply("moved on", "left everything as it was");
        assertThat(feedbackCount()).isEqualTo(1);
        assertThat(tester.inboxOf("ben")).hasSize(1);
    }

    @Test
    void cancellingMidwayStoresNothing() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben").press("Cancel").expectReply("cancelled", "Nothing was saved");
        priya.says("give feedback to Ben").press("Ship onboarding v2");
        priya.says("cancel").expectReply("cancelled");
        priya.says("this text goes nowhere").expectReply("didn't catch that");
        assertThat(feedbackCount()).isZero();
    }

    @Test
    void peopleOfAnotherOrganisationCannotBeReached() {
        TestOrganisation other = TestOrganisation.create();
        var priya = tester.as("priya");
        priya.says("give feedback to ben@example.org").press("Not about a specific objective");
        priya.submit(Map.of("text", "Thanks!"));

        assertThat(jdbc().sql("select count(*) from feedback_items where organisation_id = ?").param(other.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc().sql("select receiver_id from feedback_items where organisation_id = ?").param(org.id())
                .query(java.util.UUID.class).single()).isEqualTo(org.personId("ben"));
    }

    @Test
    void aColleagueRemovedMidwayGetsAPoliteErrorAndNothingHalfDone() {
        var priya = tester.as("priya");
        priya.says("give feedback to Sam");
        jdbc().sql("delete from people where id = ?").param(org.personId("sam")).update();

        priya.submit(Map.of("text", "Great first week!"))
                .expectReply("I can't find that person in your organisation.", "Nothing was saved.");
        assertThat(priya.lastText()).doesNotContain("Exception").doesNotContain("at dev.stepwise");
        assertThat(feedbackCount()).isZero();
        assertThat(jdbc().sql("select count(*) from progress_events where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).isZero();
        priya.says("cancel").expectReply("There's nothing to cancel.");
    }

    @Test
    void everyProblemWithTheFormIsShownAtOnceAndNothingIsStoredUntilAllAreFixed() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben").press("Not about a specific objective");
        String essay = "a".repeat(2001);

        priya.submit(Map.of("wentWell", essay, "rating", "7"));
        var form = priya.lastForm();
        assertThat(field(form, "rating").error()).isEqualTo("Please pick one of the stages in the list.");
        assertThat(field(form, "wentWell").error()).as("the words are checked at the same time")
                .isEqualTo("That's 2,001 characters; please keep it to 2,000 or fewer.");
        assertThat(field(form, "wentWell").value()).isEqualTo(essay);

        priya.submit(Map.of("wentWell", "a".repeat(1990), "couldBeBetter", "b".repeat(20), "rating", ""));
        assertThat(field(priya.lastForm(), "text").error()).as("each part fits, but not all of it together")
                .startsWith("Together that's 2,0").endsWith("please keep it to 2,000 or fewer.");
        assertThat(feedbackCount()).isZero();
        assertThat(tester.inboxOf("ben")).isEmpty();

        priya.submit(Map.of("wentWell", "Calm demo.", "couldBeBetter", "")).expectReply("Thanks!");
        assertThat(feedbackCount()).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwiceIsHandledOnce() {
        var priya = tester.as("priya");
        priya.sendsEvent("evt-" + org.key(), "help").expectReply("Here's what I can do");
        priya.sendsEvent("evt-" + org.key(), "help").expectNoReply();
    }

    private int feedbackCount() {
        return jdbc().sql("select count(*) from feedback_items where organisation_id = ?").param(org.id())
                .query(Integer.class).single();
    }

    private static JdbcClient jdbc() {
        return CoreTestContext.bean(JdbcClient.class);
    }


    @Test
    void feedbackOnAChatMessageCarriesTheMessageAsContextToItsAuthor() {
        var priya = tester.as("priya");
        priya.send(new dev.stepwise.core.conversation.Input.FeedbackOnMessage(org.personId("ben"),
                        "Release notes for v2.3 are up: three fixes, one   breaking change.", "https://chat.example/p/123"),
                        java.util.UUID.randomUUID().toString())
                .expectReply("Which of **Ben**'s objectives");
        priya.press("Ship onboarding v2");
        priya.submit(Map.of("skill", "", "text", "Flagging the breaking change up front saved us a rollback."))
                .expectReply("Thanks!", "Ben Adeyemi");

        assertThat(tester.inboxOf("ben")).singleElement().asString()
                .contains("Flagging the breaking change", "Context: \u201cRelease notes for v2.3 are up: three fixes, one breaking change.\u201d",
                        "https://chat.example/p/123");
        String context = jdbc().sql("select context from feedback_items where organisation_id = ?").param(org.id())
                .query(String.class).single();
        assertThat(context).isEqualTo("\u201cRelease notes for v2.3 are up: three fixes, one breaking change.\u201d"
                + " ([message](https://chat.example/p/123))");
    }

    @Test
    void feedbackOnOnesOwnMessageIsRefusedKindlyAndNothingStarts() {
        var ben = tester.as("ben");
        ben.send(new dev.stepwise.core.conversation.Input.FeedbackOnMessage(org.personId("ben"), "my own note", null),
                java.util.UUID.randomUUID().toString()).expectReply("That's your own message!");
        ben.says("cancel").expectReply("There's nothing to cancel.");
    }

    @Test
    void midFlowTextThatLooksLikeAFutureCommandIsTheFeedbackItself() {
        var priya = tester.as("priya");
        priya.says("give feedback to Ben").press("Ship onboarding v2");
        priya.says("Help with the release checklist was spot on.").expectReply("Thanks!");
        assertThat(tester.inboxOf("ben")).singleElement().asString().contains("Help with the release checklist was spot on.");
    }

    private static dev.stepwise.core.conversation.Block.Field field(dev.stepwise.core.conversation.Block.Form form, String name) {
        return form.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No field " + name + " in " + form));
    }
}
