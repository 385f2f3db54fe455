package dev.stepwise.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.situations.SituationCatalogue;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain language understood without an LLM, through the real engine, flows, PostgreSQL and Redis: situations told as
 * people tell them, command words with a colon or polite framing, a colleague named in any case or with accents, a
 * clear new request in the middle of a flow, a message that could be two things, and one that is none of them.
 */
class UnderstoodTheFirstTimeTest {

    private static final String ARGUING =
            "Two senior engineers on my team keep arguing in planning meetings and the rest of the team has gone quiet.";

    private TestOrganisation org;
    private ConversationTester chat;
    private AnnotationConfigApplicationContext unsureEngine;

    @BeforeEach
    void newOrganisation() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        SituationCatalogue.add(org.id(), SituationCatalogue.HARD_TALKS, SituationCatalogue.ROLE_PLAY);
    }

    @AfterEach
    void close() {
        if (unsureEngine != null) {
            unsureEngine.close();
        }
    }

    @Test
    void aSituationToldWithoutACommandWordGetsHelpNotTheHelpText() {
        var maya = chat.as("maya");
        maya.says(ARGUING);
        assertThat(maya.lastText()).doesNotContain("didn't catch", "Here's what I can do")
                .contains("Check in with me afterwards");
    }

    @Test
    void aColonAfterTheCommandWordsIsFine() {
        var maya = chat.as("maya");
        maya.says("help me with: Tomorrow I have to tell a long-time team member that their work has slipped and I "
                + "don't know how to start without losing them.");
        assertThat(maya.lastText()).doesNotContain("didn't catch").contains("Check in with me afterwards");
    }

    @Test
    void politeFramingAndANameWithAccentsStartTheRequestForThoseColleagues() {
        var ben = chat.as("ben");
        ben.says("Hi! Could I get some feedback from príya and SAM please?");
        ben.expectReply("I'll ask **Priya Sharma** and **Sam Okoro**");
        assertThat(rows("feedback_requests")).as("nothing asked before the person confirms").isZero();
    }

    @Test
    void feedbackSaidInPlainWordsStartsGivingFeedbackToTheColleagueItNames() {
        var priya = chat.as("priya");
        priya.says("Ben's demo yesterday was really clear, I want him to know");
        priya.expectReply("Which of **Ben**'s objectives");
        assertThat(rows("feedback_items")).isZero();
    }

    @Test
    void aClearNewRequestMidFlowOffersToSwitchAndSwitchesWhenAsked() {
        var maya = chat.as("maya");
        maya.says("help me with a tough conversation");
        assertThat(maya.lastForm().title()).isEqualTo("Two quick questions, so the help fits");

        maya.says("how can I get better at coaching");
        maya.expectReply("Leave this situation and", "instead?");
        assertThat(maya.choiceLabels()).containsExactly("Yes, switch", "No, that was my answer");

        maya.press("Yes, switch").expectReply("Where are you on **Coaching** today?");
    }

    @Test
    void whenThePersonSaysItWasTheirAnswerTheFlowTakesIt() {
        var priya = chat.as("priya");
        priya.says("give feedback to Ben").press("Ship onboarding v2");
        priya.says("request feedback from Sam").expectReply("Leave this feedback and");

        priya.press("No, that was my answer").expectReply("Thanks!");
        assertThat(chat.inboxOf("ben")).singleElement().asString().contains("request feedback from Sam");
        assertThat(rows("feedback_requests")).isZero();
    }

    @Test
    void aViewInPassingLeavesTheFlowWhereItWas() {
        var priya = chat.as("priya");
        priya.says("give feedback to Ben").expectReply("Which of **Ben**'s objectives");
        priya.says("my goals").expectReply("Your objectives");
        priya.pressEarlier("Ship onboarding v2");
        assertThat(priya.lastForm().title()).isEqualTo("Feedback for Ben Adeyemi about \u201cShip onboarding v2\u201d");
    }

    @Test
    void aBareNameAnswersTheQuestionItWasAskedFor() {
        var maya = chat.as("maya");
        maya.says("give feedback").expectReply("Who would you like to give feedback to?");
        maya.says("priya").expectReply("Which of **Priya**'s objectives");
    }

    @Test
    void aMessageThatCouldBeTwoThingsOffersBothAndStartsThePickWithWhatTheMessageSaid() {
        unsure();
        var priya = new ConversationTester(org, unsureEngine.getBean(ConversationEngine.class), "test").as("priya");

        priya.says("Ben's demo yesterday was really clear, I want him to know");

        assertThat(priya.lastBlocks()).filteredOn(Block.Choices.class::isInstance).isNotEmpty();
        assertThat(priya.choiceLabels()).hasSize(3).contains("Give feedback to Ben", "Something else");
        priya.press("Give feedback to Ben").expectReply("Which of **Ben**'s objectives");
    }

    @Test
    void somethingElseGetsTheShortHelp() {
        unsure();
        var priya = new ConversationTester(org, unsureEngine.getBean(ConversationEngine.class), "test").as("priya");
        priya.says("Ben's demo yesterday was really clear, I want him to know").press("Something else")
                .expectReply("Sorry, I didn't catch that.");
    }

    @Test
    void aMessageThatIsNoneOfThemGetsAShortHelpNotTheWholeList() {
        var sam = chat.as("sam");
        sam.says("what's the wifi password in the Lisbon office?").expectReply("Sorry, I didn't catch that.");
        assertThat(sam.lastText()).doesNotContain("request feedback from", "**my plan**");
    }

    /** An engine whose classifier is never confident, so every plain-language message is offered as a choice. */
    private void unsure() {
        unsureEngine = new AnnotationConfigApplicationContext();
        unsureEngine.setParent(CoreTestContext.get());
        unsureEngine.registerBean("unsureUnderstanding", Understanding.class, bean -> bean.setPrimary(true));
        unsureEngine.registerBean(ConversationEngine.class);
        unsureEngine.refresh();
        unsureEngine.getBean(Understanding.class).bounds(new Understanding.Bounds(2, 0, 0, 9));
    }

    private int rows(String table) {
        return CoreTestContext.bean(JdbcClient.class).sql("select count(*) from " + table + " where organisation_id = ?")
                .param(org.id()).query(Integer.class).single();
    }
}
