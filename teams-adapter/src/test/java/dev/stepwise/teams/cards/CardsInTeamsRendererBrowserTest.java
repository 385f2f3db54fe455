package dev.stepwise.teams.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import dev.stepwise.teams.cards.TeamsRendererInChromium.CutLabel;
import dev.stepwise.teams.cards.TeamsRendererInChromium.Rendering;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every flow's cards as Teams shows them: the production {@link AdaptiveCardRenderer} makes each message's card, and
 * Microsoft's Adaptive Cards renderer draws it under Teams' light host config in a 420 px chat, in headless Chromium.
 * A card fails when the renderer rejects it, when a button, choice or option is cut, or when an action is not shown
 * as a button; the failure names the flow, the card and the label. Pictures of the cards go to target/teams-cards.
 * Needs Debian's {@code chromium} and {@code chromium-driver}, and npm to install the renderer the first time
 * (the test runs {@code npm ci} in src/test/browser); without them each test is reported as skipped, saying why.
 */
class CardsInTeamsRendererBrowserTest {

    static final int CHAT_WIDTH_PX = 420;
    private static final Path PICTURES = Path.of("target", "teams-cards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Optional<String> unavailable;
    private static TeamsRendererInChromium teams;

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    @BeforeAll
    static void startTheRenderer() throws IOException {
        unavailable = TeamsRendererInChromium.unavailable();
        if (unavailable.isEmpty()) {
            teams = TeamsRendererInChromium.start();
        }
    }

    // Per test rather than in @BeforeAll, so that each test is reported as skipped, with the reason.
    private static void needsTheRenderer() {
        assumeTrue(unavailable.isEmpty(), () -> "Microsoft's Adaptive Cards renderer can't run here: " + unavailable.orElseThrow());
    }

    @AfterAll
    static void stopTheRenderer() {
        if (teams != null) {
            teams.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFlowsCardsShowEveryLabelWholeInA420PxChat() {
        if (unavailable.isPresent()) {
            return Stream.of(dynamicTest("every flow's cards", CardsInTeamsRendererBrowserTest::needsTheRenderer));
        }
        List<FlowCards.Shown> cards = FlowCards.all().stream().filter(shown -> renderer.render(shown.blocks()).hasCard()).toList();
        assertThat(cards).as("messages with a card").hasSizeGreaterThan(30);
        return IntStream.range(0, cards.size()).mapToObj(i -> dynamicTest(cards.get(i).name(), () -> showsEveryLabelWhole(i + 1, cards.get(i))));
    }

    private void showsEveryLabelWhole(int number, FlowCards.Shown shown) throws IOException {
        ObjectNode card = renderer.render(shown.blocks()).card();
        List<String> problems = problems(card);
        teams.screenshot(PICTURES.resolve("%02d-%s.png".formatted(number, fileName(shown.name()))));
        assertThat(problems).as("%s, in a %d px Teams chat; the card:%n%s", shown.name(), CHAT_WIDTH_PX, card.toPrettyString())
                .isEmpty();
    }

    private static List<String> problems(ObjectNode card) {
        Rendering rendering = teams.render(card, CHAT_WIDTH_PX);
        List<String> problems = new ArrayList<>();
        rendering.rejected().forEach(complaint -> problems.add("rejected by the renderer: " + complaint));
        rendering.cut().forEach(cut -> problems.add(cut.kind() + " cut: \u201c" + cut.label() + "\u201d"));
        rendering.notShown().forEach(title -> problems.add("action not shown as a button: \u201c" + title + "\u201d"));
        return problems;
    }

    private static String fileName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Layouts of the production renderer that no flow shows today, checked the same way. */
    @Nested
    class LayoutsNoFlowShowsYet {

        @BeforeEach
        void needsTheRenderer() {
            CardsInTeamsRendererBrowserTest.needsTheRenderer();
        }

        private static final String LONG = "Yes, I can mentor Stakeholder management and influencing across the organisation";

        @Test
        void aLoneChoiceTooLongForAButtonIsATappableRowThatReadsWhole() {
            ObjectNode card = renderer.card(List.of(new Block.Choices("Would you like to offer to mentor it?", List.of(
                    new Choice(LONG, "say", "mentor", Choice.Style.PRIMARY), Choice.of("No, thanks", "flow.no", "no")))), null);
            assertThat(problems(card)).isEmpty();
            assertThat(Cards.ofType(card, "Container")).singleElement()
                    .satisfies(row -> assertThat(row.path("selectAction").path("title").asText()).isEqualTo(LONG));
        }

        @Test
        void longChoicesBesideAFormAreTappableRowsThatReadWhole() {
            ObjectNode card = renderer.card(List.of(
                    new Block.Choices("Which one?", List.of(Choice.of(FlowCards.LONG_OBJECTIVE, "pick", "1"),
                            Choice.of(FlowCards.LONGER_OBJECTIVE, "pick", "2"))),
                    new Block.Form("f", "Or say more", List.of(new Block.Field("text", "Text", Block.Field.Kind.TEXT, true,
                            null, null, null, null, null, List.of())), "Send")), null);
            assertThat(problems(card)).isEmpty();
            assertThat(Cards.ofType(card, "Container")).hasSize(2);
        }

        @Test
        void manyShortChoicesAreADropDownAndManyActionsOneButtonPerRow() {
            List<Choice> people = new ArrayList<>();
            IntStream.range(0, 10).forEach(i -> people.add(Choice.of("Person number " + i, "pick", "p" + i)));
            people.add(new Choice("Cancel", "flow.cancel", "", Choice.Style.DANGER));
            List<Choice> actions = IntStream.range(0, 7).mapToObj(i -> Choice.of("Action " + i, "act." + i, "v")).toList();
            assertThat(problems(renderer.card(List.of(new Block.Choices("Who?", people)), null))).isEmpty();
            assertThat(problems(renderer.card(List.of(new Block.Choices("What?", actions)), null))).isEmpty();
        }
    }

    /** The measurements themselves: each finds what it is for in a card made to show it. */
    @Nested
    class TheRendererReports {

        @BeforeEach
        void needsTheRenderer() {
            CardsInTeamsRendererBrowserTest.needsTheRenderer();
        }

        @Test
        void aButtonTooWideForTheChatAsCut() throws IOException {
            String title = "Grow two engineers to senior by pairing on every design review this half";
            Rendering rendering = teams.render(card("""
                    [{"type": "ActionSet", "actions": [{"type": "Action.Execute", "title": "%s", "verb": "choice"}]}]""".formatted(title)),
                    CHAT_WIDTH_PX);
            assertThat(rendering.rejected()).isEmpty();
            assertThat(rendering.cut()).containsExactly(new CutLabel("button", title));
            assertThat(rendering.buttons()).isEqualTo(1);
        }

        @Test
        void buttonsThatFitSideBySideAsWhole() throws IOException {
            Rendering rendering = teams.render(card("""
                    [{"type": "ActionSet", "actions": [{"type": "Action.Execute", "title": "Yes", "verb": "choice"},
                                                       {"type": "Action.Execute", "title": "No", "verb": "choice"}]}]"""),
                    CHAT_WIDTH_PX);
            assertThat(rendering.rejected()).isEmpty();
            assertThat(rendering.cut()).isEmpty();
            assertThat(rendering.notShown()).isEmpty();
            assertThat(rendering.buttons()).isEqualTo(2);
        }

        @Test
        void aChoiceThatDoesNotWrapAndADropDownOptionTooWideAsCut() throws IOException {
            String choice = "Run a monthly customer advisory board with our five largest enterprise accounts";
            Rendering rendering = teams.render(card("""
                    [{"type": "Input.ChoiceSet", "id": "a", "style": "expanded", "choices": [{"title": "%1$s", "value": "1"}]},
                     {"type": "Input.ChoiceSet", "id": "b", "style": "compact", "choices": [{"title": "%1$s", "value": "1"},
                                                                                           {"title": "Short", "value": "2"}]}]"""
                    .formatted(choice)), CHAT_WIDTH_PX);
            assertThat(rendering.cut()).containsExactly(new CutLabel("choice", choice), new CutLabel("option", choice));
        }

        @Test
        void moreActionsThanTeamsShowsAsNotShown() throws IOException {
            StringBuilder actions = new StringBuilder();
            for (int i = 1; i <= 7; i++) {
                actions.append(i == 1 ? "" : ",").append("{\"type\": \"Action.Execute\", \"title\": \"").append(i).append("\"}");
            }
            Rendering rendering = teams.render(card("[{\"type\": \"ActionSet\", \"actions\": [" + actions + "]}]"), CHAT_WIDTH_PX);
            assertThat(rendering.notShown()).containsExactly("7");
        }

        @Test
        void aCardItCannotReadAsRejected() throws IOException {
            Rendering rendering = teams.render(card("[{\"type\": \"Stepwise.Fancy\", \"text\": \"?\"}]"), CHAT_WIDTH_PX);
            assertThat(rendering.rejected()).singleElement().asString().contains("Stepwise.Fancy");
        }

        private static ObjectNode card(String body) throws IOException {
            ObjectNode card = JSON.createObjectNode().put("type", "AdaptiveCard").put("version", AdaptiveCardRenderer.VERSION);
            card.set("body", JSON.readTree(body));
            return card;
        }
    }
}
