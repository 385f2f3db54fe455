package dev.stepwise.teams.cards;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.goals.NewObjective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.plan.Plans;
import dev.stepwise.core.situations.FollowUpSender;
import dev.stepwise.core.situations.SituationCatalogue;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RecordingMessenger;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The messages every flow shows, got by driving the real flows through the core as the people of a test organisation
 * would: replies in their own chat and messages the bot sends them. The worst cases are added on purpose: objectives
 * and plan items with long titles, a colleague with enough objectives for a crowded choice, five stages to choose from.
 */
final class FlowCards {

    static final String LONG_OBJECTIVE = "Run a monthly customer advisory board with our five largest enterprise accounts";
    static final String LONGER_OBJECTIVE = "Halve the time from a customer's bug report to a released fix, measured every sprint";
    static final String LONG_PLAN_ITEM = "Shadow a senior engineer through a full incident review and write up what you learnt";
    private static final String TOUGH_TALK = "I have a tough performance conversation with Ben tomorrow about missed deadlines";

    /** One message as its person saw it. */
    record Shown(String flow, String step, List<Block> blocks) {
        String name() {
            return flow + " / " + step;
        }
    }

    private final TestOrganisation org = TestOrganisation.create();
    private final ConversationTester tester = new ConversationTester(org, "teams");
    private final RecordingMessenger messenger = CoreTestContext.bean(RecordingMessenger.class);
    private final Map<String, Integer> inboxRead = new HashMap<>();
    private final List<Shown> shown = new ArrayList<>();

    private FlowCards() {
    }

    /** Every flow, in an order where each finds what it needs (feedback to read, requests to answer). */
    static List<Shown> all() {
        FlowCards flows = new FlowCards();
        flows.worstCases();
        flows.help();
        flows.giveFeedback();
        flows.requestFeedback();
        flows.answerRequests();
        flows.justInTimeHelp();
        flows.suggestions();
        flows.plan();
        flows.feedbackViews();
        flows.switching();
        flows.selfAssessment();
        return List.copyOf(flows.shown);
    }

    private void worstCases() {
        Objectives objectives = CoreTestContext.bean(Objectives.class);
        objectives.add(org.id(), objective("maya", LONG_OBJECTIVE));
        objectives.add(org.id(), objective("ben", LONG_OBJECTIVE));
        objectives.add(org.id(), objective("ben", LONGER_OBJECTIVE));
        UUID testing = CoreTestContext.bean(JdbcClient.class)
                .sql("select id from skills where organisation_id = ? and key = 'testing'").param(org.id()).query(UUID.class).single();
        Plans plans = CoreTestContext.bean(Plans.class);
        plans.add(org.id(), org.personId("ben"), null, testing, "Property-based testing workshop", null);
        plans.add(org.id(), org.personId("ben"), null, testing, LONG_PLAN_ITEM, null);
        SituationCatalogue.add(org.id(), SituationCatalogue.HARD_TALKS, SituationCatalogue.ROLE_PLAY,
                SituationCatalogue.item("stories", "Tell a story with data: communication that lands with executives and engineers",
                        "https://learning.example/stories", "Communication skills: storytelling with data for executives.", "course", 90),
                SituationCatalogue.item("all-hands", "Present at the next all-hands (stretch assignment)",
                        "https://learning.example/all-hands", "Communication skills: present to the whole company.",
                        "stretch-assignment", 120));
    }

    private NewObjective objective(String owner, String title) {
        return new NewObjective(org.personId(owner), title, "Measured by the team", LocalDate.of(2027, 3, 31), "active", 10, List.of());
    }

    private void help() {
        var maya = tester.as("maya");
        reply("help", "what I can do", maya.says("help"));
        reply("help", "none of the intents: the short help", maya.says("what's the wifi password in the Lisbon office?"));
        reply("help", "a greeting", maya.says("hello"));
        reply("help", "not built yet", maya.says("settings"));
    }

    private void giveFeedback() {
        var priya = tester.as("priya");
        reply("give feedback", "who, no name given", priya.says("give feedback"));
        priya.says("cancel");
        reply("give feedback", "recipient choice of two namesakes", priya.says("give feedback to Adeyemi"));
        reply("give feedback", "objective choice, crowded and long", priya.press("Ben Adeyemi (Software Engineer, Core)"));
        reply("give feedback", "form with skill choice", priya.press(LONGER_OBJECTIVE));
        reply("give feedback", "thanks", priya.submit(Map.of("wentWell", "You found the root cause fast.",
                "text", "Your demo made the trade-offs easy to follow.")));
        inbox("give feedback", "arrives", "ben");
        reply("give feedback", "recipient choice for a misspelt name", priya.says("give feedback to Bne"));
        reply("give feedback", "cancelled", priya.press("Cancel"));
        reply("give feedback", "objective choice with a long title", priya.says("give feedback to Maya"));
        reply("give feedback", "form without an objective", priya.press("Not about a specific objective"));
        reply("give feedback", "form with an error", priya.submit(Map.of("text", "   ")));
        priya.says("cancel");
        reply("give feedback", "form for a colleague without objectives", priya.says("give feedback to Sam"));
        priya.says("cancel");
    }

    private void requestFeedback() {
        var maya = tester.as("maya");
        reply("request feedback", "objective choice with a long title", maya.says("request feedback from Priya, Sam and Bea"));
        reply("request feedback", "form", maya.press(LONG_OBJECTIVE));
        reply("request feedback", "asked", maya.submit(Map.of()).expectReply("I've asked"));
        var ben = tester.as("ben");
        reply("request feedback", "objective choice, crowded and long", ben.says("request feedback from Priya"));
        reply("request feedback", "a new objective", ben.press("A new objective"));
        ben.says("cancel");
    }

    private void answerRequests() {
        inbox("answer a request", "the request", "priya");
        inbox("answer a request", "the request", "sam");
        inbox("answer a request", "the request", "bea");
        var priya = tester.as("priya");
        reply("answer a request", "form", priya.pressInInbox("Give feedback"));
        reply("answer a request", "thanks", priya.submit(Map.of("wentWell", "Clear release notes.")));
        inbox("answer a request", "an answer arrives", "maya");
        var sam = tester.as("sam");
        reply("answer a request", "snooze choice", sam.pressInInbox("Not now"));
        reply("answer a request", "snoozed", sam.press("Tomorrow morning"));
        var bea = tester.as("bea");
        reply("answer a request", "decline form", bea.pressInInbox("Decline"));
        reply("answer a request", "declined", bea.submit(Map.of("reason", "I wasn't on the project")));
        inbox("answer a request", "a decline arrives", "maya");
    }

    private void justInTimeHelp() {
        var maya = tester.as("maya");
        reply("just-in-time help", "questions", maya.says("help me with a tough conversation"));
        reply("just-in-time help", "answer with links", maya.submit(Map.of("goal", "Agree an improvement plan on missed deadlines")));
        maya.says("cancel");
        reply("just-in-time help", "answer straight away", maya.says(TOUGH_TALK));
        reply("just-in-time help", "practise", maya.press("Practise"));
        reply("just-in-time help", "added to plan", maya.press(maya.choiceLabels().getFirst()));
        maya.says("cancel");
        maya.says(TOUGH_TALK);
        reply("just-in-time help", "when to check in", maya.press("Check in with me afterwards"));
        reply("just-in-time help", "check-in set", maya.press("Tomorrow afternoon"));
        CoreTestContext.bean(FollowUpSender.class).runAt(CoreTestContext.bean(TestClock.class).instant().plus(Duration.ofDays(4)));
        inbox("just-in-time help", "the check-in", "maya");
        reply("just-in-time help", "whom to ask", maya.pressInInbox("Ask someone for feedback on it"));
        reply("just-in-time help", "asked", maya.says("Ben Adeyemi"));
        inbox("just-in-time help", "the request", "ben");
    }

    private void suggestions() {
        var priya = tester.as("priya");
        reply("suggestions", "five stages", priya.says("how can I get better at communication?"));
        reply("suggestions", "suggestions to add to the plan", priya.press("Competent"));
        reply("suggestions", "an unknown skill", priya.says("suggest learning for juggling"));
        priya.says("cancel");
    }

    private void plan() {
        var ben = tester.as("ben");
        reply("my plan", "items to mark done", ben.says("my plan"));
        reply("my plan", "who observes", ben.press("Property-based testing workshop"));
        reply("my plan", "whom to ask", ben.press("Ask a colleague"));
        reply("my plan", "asked", ben.says("Sam"));
        inbox("my plan", "observation request", "sam");
    }

    private void feedbackViews() {
        var ben = tester.as("ben");
        reply("my feedback", "received feedback to share", ben.says("my feedback"));
        reply("share feedback", "shared", ben.press("Share with Maya"));
        reply("my goals", "objectives", ben.says("my goals"));
        reply("team feedback", "what was shared", tester.as("maya").says("team feedback"));
        reply("my feedback", "requests and answers", tester.as("maya").says("my feedback"));
    }

    /** A clear new request in the middle of a flow: the offer to switch, with the flow's own words in it. */
    private void switching() {
        var maya = tester.as("maya");
        maya.says("help me with a tough conversation");
        reply("switching", "while the flow asked for words", maya.says("how can I get better at coaching"));
        maya.press("No, that was my answer");
        maya.says("cancel");
        maya.says("give feedback to Priya");
        reply("switching", "while the flow asked to pick", maya.says("request feedback from Ben, Bea and Sam"));
        maya.says("cancel");
    }

    private void selfAssessment() {
        var priya = tester.as("priya");
        reply("self-assessment", "a statement to answer", priya.says("assess"));
        priya.press("Not yet");
        priya.press("Consistently");
        priya.press("Consistently");
        reply("self-assessment", "the result", priya.press("Sometimes"));
    }

    private void reply(String flow, String step, ConversationTester.Chat chat) {
        shown.add(new Shown(flow, step, chat.lastBlocks()));
    }

    private void inbox(String flow, String step, String person) {
        List<List<Block>> messages = messenger.inbox(org.personId(person));
        int read = inboxRead.getOrDefault(person, 0);
        if (messages.size() <= read) {
            throw new AssertionError(person + " was sent nothing new for " + flow + " / " + step);
        }
        messages.subList(read, messages.size()).forEach(blocks -> shown.add(new Shown(flow, step + " (to " + person + ")", blocks)));
        inboxRead.put(person, messages.size());
    }
}
