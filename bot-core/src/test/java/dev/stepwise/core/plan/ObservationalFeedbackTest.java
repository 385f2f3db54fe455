package dev.stepwise.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Marking a plan item done is recorded, and offers to ask someone to observe the skill in practice. */
class ObservationalFeedbackTest {

    private TestOrganisation org;
    private ConversationTester chat;
    private JdbcClient jdbc;

    @BeforeEach
    void benHasAPlanItemForTesting() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        jdbc = CoreTestContext.bean(JdbcClient.class);
        UUID testing = jdbc.sql("select id from skills where organisation_id = ? and key = 'testing'").param(org.id())
                .query(UUID.class).single();
        CoreTestContext.bean(Plans.class).add(org.id(), org.personId("ben"), null, testing, "Property-based testing workshop", null);
        CoreTestContext.bean(Plans.class).add(org.id(), org.personId("ben"), null, null, "Read the team handbook", null);
    }

    @Test
    void finishingAnItemOffersToAskTheManagerToObserveTheSkillAndSendsThatRequest() {
        var ben = chat.as("ben");
        ben.says("my plan").press("Property-based testing workshop")
                .expectReply("Well done: **Property-based testing workshop** is done.", "using **Testing** at work");
        assertThat(ben.choiceLabels()).containsExactly("Ask Maya to observe", "Ask a colleague", "Not now");

        ben.press("Ask Maya to observe").expectReply("I've asked **Maya Lindqvist**");

        assertThat(chat.inboxOf("maya")).singleElement().asString().contains("Ben Adeyemi asks for your feedback",
                "watch how I use Testing", "Skills: Testing", "[Give feedback]");
        assertThat(jdbc.sql("select status from plan_items where organisation_id = ? and title = 'Property-based testing workshop'")
                .param(org.id()).query(String.class).single()).isEqualTo("done");
        assertThat(jdbc.sql("select count(*) from progress_events where organisation_id = ? and kind = 'plan_item_done'")
                .param(org.id()).query(Integer.class).single()).isEqualTo(1);
        ben.says("my plan").expectReply("1 of 2 done");
        assertThat(ben.choiceLabels()).containsExactly("Read the team handbook");
    }

    @Test
    void aNamedColleagueCanObserveInstead() {
        var ben = chat.as("ben");
        ben.says("my plan").press("Property-based testing workshop").press("Ask a colleague").expectReply("Whom shall I ask?");
        ben.says("Zebedee").expectReply("I couldn't find a colleague called **Zebedee**");
        ben.says("Sam").expectReply("I've asked **Sam Okoro**");
        assertThat(chat.inboxOf("sam")).singleElement().asString().contains("watch how I use Testing");
    }

    @Test
    void anItemWithoutASkillIsJustDoneAndSomeoneElsesItemCantBeTicked() {
        var ben = chat.as("ben");
        ben.says("my plan");
        var handbook = ben.lastBlocks().stream().filter(b -> b instanceof dev.stepwise.core.conversation.Block.Choices)
                .flatMap(b -> ((dev.stepwise.core.conversation.Block.Choices) b).choices().stream())
                .filter(c -> c.label().equals("Read the team handbook")).findFirst().orElseThrow();

        var sam = chat.as("sam");
        sam.send(new dev.stepwise.core.conversation.Input.ButtonPressed(handbook.actionId(), handbook.value()), UUID.randomUUID().toString());
        assertThat(sam.lastText()).contains("isn't an open item of your plan");

        ben.press("Read the team handbook").expectReply("Well done: **Read the team handbook** is done.");
        assertThat(ben.choiceLabels()).isEmpty();
        ben.pressEarlier("Read the team handbook").expectReply("isn't an open item of your plan");
    }
}
