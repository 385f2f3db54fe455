package dev.stepwise.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.conversation.ConversationStates;
import dev.stepwise.core.conversation.Inbound;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A self-assessment in chat on the role's matrix: statements at the stages the staircase picks, one tap each, the
 * stages recorded when the run ends, resumable from PostgreSQL alone, and clear answers where it can't go on.
 * (Priya is a Software Engineer: Communication required at Competent, Testing at Proficient.)
 */
class SelfAssessmentTest {

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
    void theWholeRoleTakesAFewTapsASkillAndEndsWithACardOfSelfAgainstRequired() {
        var priya = chat.as("priya");
        priya.says("assess");
        // Testing is the more demanding skill, so it comes first, at the stage the role requires.
        priya.expectReply("Let's go through your role's 2 skills", "**Testing** (skill 1 of 2)", "Adapts it to hard situations.");
        assertThat(priya.choiceLabels()).containsExactly("Not yet", "Sometimes", "Consistently", "Stop here");

        int taps = 0;
        priya.press("Not yet");                              // Proficient: not yet
        taps++;
        priya.expectReply("Does it well on their own.");    // then Competent
        priya.press("Consistently");
        taps++;
        priya.expectReply("**Communication** (skill 2 of 2)", "Does it well on their own.");
        assertThat(taps).as("Testing settled in two taps").isEqualTo(2);
        priya.press("Consistently").press("Sometimes");     // Competent yes, Proficient sometimes

        priya.expectReply("Your self-assessment", "Testing", "you: Competent · required: Proficient · 1 stage to go",
                "Communication", "you: Competent · required: Competent · meets it (on the way to Proficient)",
                "Your largest gap is **Testing**");
        assertThat(selfStages("priya")).containsExactly("communication=3", "testing=3");
        // The gap drives the suggestions: the stage is known, so it isn't asked again.
        priya.press("Suggestions for Testing").expectReply("To grow **Testing** from Competent towards Proficient");
        assertThat(priya.lastText()).doesNotContain("Where are you");
    }

    @Test
    void oneSkillOnItsOwn() {
        var ben = chat.as("ben");
        ben.says("assess my communication").expectReply("A few statements about **Communication**");
        ben.press("Consistently").press("Consistently").press("Consistently");
        ben.expectReply("you: Expert · required: Competent · meets it");
        assertThat(selfStages("ben")).containsExactly("communication=5");
    }

    @Test
    void stoppingAfterASkillKeepsWhatSettledAndTheRestCanBeContinuedAnotherDay() {
        var priya = chat.as("priya");
        priya.says("assess");
        priya.press("Consistently").press("Not yet");        // Testing: Proficient yes, Expert not yet -> settled
        priya.expectReply("**Communication** (skill 2 of 2)");
        priya.press("Stop here").expectReply("Your self-assessment", "1 of 2 skills", "you: Proficient");
        assertThat(selfStages("priya")).containsExactly("testing=4");
        priya.says("continue my assessment").expectReply("You have no self-assessment in progress");
    }

    @Test
    void anAbandonedRunIsContinuedFromWhatWasStoredEvenWithoutItsConversationState() {
        var sam = chat.as("sam");
        sam.says("assess").press("Consistently");             // Testing at Proficient: yes; Expert is asked next
        // A restart: the conversation state in Redis is gone.
        CoreTestContext.bean(ConversationStates.class).clear(new Inbound(UUID.randomUUID().toString(), "test", org.id(),
                org.personId("sam"), "dm-" + org.personId("sam"), new Input.Message("")));
        sam.says("continue my assessment").expectReply("Let's carry on where you left off.", "**Testing**",
                "Teaches others and shapes practice.");
        sam.press("Not yet").press("Consistently").press("Not yet");
        sam.expectReply("Testing", "you: Proficient", "Communication", "you: Competent");
        assertThat(selfStages("sam")).containsExactly("communication=3", "testing=4");
    }

    @Test
    void anOldButtonChangesNothingAndAnUnknownSkillIsExplained() {
        var bea = chat.as("bea");
        bea.says("assess juggling").expectReply("**juggling** isn't one of your role's skills", "Communication, Testing");
        bea.says("assess testing").press("Consistently");
        bea.pressEarlier("Not yet").expectReply("moved on");
        assertThat(selfStages("bea")).isEmpty();
        assertThat(jdbc.sql("select count(*) from assessment_answers where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void nobodyElseSeesTheStagesAndTheHelpNowListsIt() {
        chat.as("priya").says("assess testing").press("Consistently").press("Consistently");
        chat.as("maya").says("help").expectReply("**assess**");
        assertThat(chat.inboxOf("maya")).as("nothing is sent to the manager").isEmpty();
    }

    private java.util.List<String> selfStages(String person) {
        return jdbc.sql("""
                        select s.key || '=' || r.stage from skill_ratings r join skills s on s.id = r.skill_id
                        where r.organisation_id = ? and r.person_id = ? and r.kind = 'self' order by s.key""")
                .params(org.id(), org.personId(person)).query(String.class).list();
    }
}
