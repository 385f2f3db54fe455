package dev.stepwise.core.situations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Inbound;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.feedback.requests.FeedbackRequestSender;
import dev.stepwise.core.llm.Llm;
import dev.stepwise.core.llm.LlmSettings;
import dev.stepwise.core.people.ColleagueByName;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.LlmStandIn;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The just-in-time answer shown while the LLM writes it (streamed from WireMock playing an OpenAI-compatible
 * endpoint): "working" first, then the steps so far, paced, never showing a link the model writes; and the finished
 * reply, checked, for the channel to put in the draft's place. A model that breaks off leaves the answer without it.
 */
class SituationAnswerShownAsWrittenTest {

    private static final String TOUGH_TALK =
            "I have a tough performance conversation with someone on my team tomorrow about missed deadlines";
    private static final String GUIDANCE = """
            {"guidance": "- Write down two facts about the missed deadlines before you meet.\\n- Read https://evil.example/dump and [this book](https://books.example/crucial) first.\\n- Open with the facts, then ask for their view and listen.\\n- Agree one next step and a date to check it together.", "cite": [1]}""";

    private final LlmStandIn standIn = new LlmStandIn();
    private final Recorded live = new Recorded();
    private TestOrganisation org;

    @BeforeEach
    void catalogue() {
        org = TestOrganisation.create();
        SituationCatalogue.add(org.id(), SituationCatalogue.HARD_TALKS, SituationCatalogue.ROLE_PLAY);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void theStepsAppearAsTheyAreWrittenWithoutLinksAndTheCheckedAnswerFinishes() {
        standIn.writesSlowly(GUIDANCE, 10, Duration.ofMillis(4000));

        Step step = flow(Duration.ofSeconds(2)).start(turn(), TOUGH_TALK);

        assertThat(live.events.getFirst()).as("typing first").isEqualTo("working");
        List<String> drafts = live.events.stream().filter(e -> !e.equals("working")).toList();
        assertThat(drafts).as("the draft grew in a few paced edits, not one per word").hasSizeBetween(2, 6);
        assertThat(drafts).allSatisfy(draft -> assertThat(draft).contains("For right now", "Still writing")
                .doesNotContain("evil.example", "books.example", "http", "Written by AI"));
        assertThat(drafts.getLast()).contains("Write down two facts about the missed deadlines");
        assertThat(drafts.getLast().length()).isGreaterThan(drafts.getFirst().length());

        String finished = text(step.messages().getFirst().blocks());
        assertThat(finished).contains("For right now", "Agree one next step and a date", "Written by AI",
                "Difficult conversations: a practical guide", "Check in with me afterwards").doesNotContain("Still writing", "evil.example", "books.example");
    }

    @Test
    void aModelThatBreaksOffLeavesTheAnswerWithoutItAsTheFinishedReply() {
        // It stops two steps in (as at its token limit): what it wrote is not the JSON answer asked for.
        standIn.writesSlowly(GUIDANCE.substring(0, GUIDANCE.indexOf("Open with")), 6, Duration.ofMillis(2400));

        Step step = flow(Duration.ofSeconds(2)).start(turn(), TOUGH_TALK);

        assertThat(live.events).as("a draft was showing").anyMatch(e -> e.contains("Still writing"));
        String finished = text(step.messages().getFirst().blocks());
        assertThat(finished).contains("Here's what your organisation's catalogue has", "Difficult conversations: a practical guide")
                .doesNotContain("Still writing", "Written by AI");
    }

    @Test
    void withoutAnLlmNothingIsShownBeforeTheAnswer() {
        SituationHelpFlow flow = new SituationHelpFlow(CoreTestContext.bean(SituationAnswers.class),
                CoreTestContext.bean(CatalogueSearch.class), CoreTestContext.bean(FollowUps.class),
                CoreTestContext.bean(ColleagueByName.class), CoreTestContext.bean(FeedbackRequestSender.class),
                CoreTestContext.bean(TestClock.class));

        Step step = flow.start(turn(), TOUGH_TALK);

        assertThat(live.events).isEmpty();
        assertThat(text(step.messages().getFirst().blocks())).contains("Difficult conversations: a practical guide");
    }

    private SituationHelpFlow flow(Duration timeout) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("settings", standIn.settings(timeout));
        beans.addBean("meters", new SimpleMeterRegistry());
        Llm llm = new Llm(beans.getBeanProvider(LlmSettings.class), RealServers.get().connectRedis(),
                CoreTestContext.bean(TestClock.class), beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        return new SituationHelpFlow(new SituationAnswers(CoreTestContext.bean(CatalogueSearch.class), llm),
                CoreTestContext.bean(CatalogueSearch.class), CoreTestContext.bean(FollowUps.class),
                CoreTestContext.bean(ColleagueByName.class), CoreTestContext.bean(FeedbackRequestSender.class),
                CoreTestContext.bean(TestClock.class));
    }

    private Turn turn() {
        Inbound inbound = new Inbound("evt-" + System.nanoTime(), "test", org.id(), org.personId("priya"), "dm-priya",
                new Input.Message("help me with " + TOUGH_TALK));
        return new Turn(inbound, org.person("priya"), Optional.empty(), live);
    }

    private static String text(List<Block> blocks) {
        return blocks.stream().map(block -> switch (block) {
            case Block.Text t -> t.markdown();
            case Block.Links l -> l.title() + "\n" + l.links().stream().map(link -> link.title() + " " + link.url())
                    .collect(Collectors.joining("\n"));
            case Block.Choices c -> c.prompt() + "\n" + c.choices().stream().map(Block.Choice::label).collect(Collectors.joining("\n"));
            default -> block.toString();
        }).collect(Collectors.joining("\n"));
    }

    /** What the flow showed in the live reply, in order: "working", or the text of a draft. */
    private static final class Recorded implements LiveReply {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void working() {
            events.add("working");
        }

        @Override
        public boolean show(List<Block> blocks) {
            events.add(text(blocks));
            return true;
        }

        @Override
        public boolean showing() {
            return events.stream().anyMatch(e -> !e.equals("working"));
        }
    }
}
