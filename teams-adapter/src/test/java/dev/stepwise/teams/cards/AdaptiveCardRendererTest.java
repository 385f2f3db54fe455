package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Cards.action;
import static dev.stepwise.teams.cards.Cards.actions;
import static dev.stepwise.teams.cards.Cards.body;
import static dev.stepwise.teams.cards.Cards.input;
import static dev.stepwise.teams.cards.Cards.ofType;
import static dev.stepwise.teams.cards.Cards.texts;
import static dev.stepwise.teams.cards.Cards.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import dev.stepwise.core.conversation.Block.Field;
import dev.stepwise.core.conversation.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    private ObjectNode card(Block... blocks) {
        return renderer.card(List.of(blocks), null);
    }

    @Nested
    class Envelope {

        @Test
        void isAFullWidthAdaptiveCard15() {
            ObjectNode card = card(Block.text("Hi"));
            assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.path("version").asText()).isEqualTo("1.5");
            assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
            assertThat(card.path("msteams").path("width").asText()).isEqualTo("Full");
            assertThat(card.path("fallbackText").asText()).isEqualTo("Hi");
            assertThat(card.has("refresh")).isFalse();
            assertThat(AdaptiveCardRenderer.CONTENT_TYPE).isEqualTo("application/vnd.microsoft.card.adaptive");
        }

        @Test
        void everyTextBlockWraps() {
            ObjectNode card = card(Block.text("a"), new Block.Card("T", "S", List.of(new Block.CardField("k", "v"))),
                    new Block.Links("L", List.of(new Block.Link("x", "https://x.example", "n"))),
                    new Block.Progress("P", 10), new Block.Choices("Pick", List.of(Choice.of("A", "f.a", "1"))),
                    form(new Field("f", "F", Field.Kind.TEXT, true, null, null, null, "hint", "bad", List.of())));
            assertThat(ofType(card, "TextBlock")).isNotEmpty().allSatisfy(t -> assertThat(t.path("wrap").asBoolean()).isTrue());
        }

        @Test
        void blocksAfterTheFirstAreSpacedApart() {
            ObjectNode card = card(Block.text("one"), Block.text("two"));
            assertThat(body(card).get(0).has("spacing")).isFalse();
            assertThat(body(card).get(1).path("spacing").asText()).isEqualTo("Medium");
        }

        @Test
        void serialisesAsTheAttachmentContentWithJackson2() throws Exception {
            RenderedMessage message = renderer.render(List.of(new Block.Progress("Done", 50)));
            String json = new ObjectMapper().writeValueAsString(message.attachment().orElseThrow());
            JsonNode attachment = new ObjectMapper().readTree(json);
            assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(attachment.path("content")).isEqualTo(message.card());
        }
    }

    @Nested
    class TextOnlyMessages {

        @Test
        void areSentAsMarkdownTextWithoutACard() {
            RenderedMessage message = renderer.render(List.of(Block.text("**Hi** there, say `cancel`"),
                    Block.text("- one\n- two")));
            assertThat(message.hasCard()).isFalse();
            assertThat(message.attachment()).isEmpty();
            assertThat(message.fallbackText()).isEqualTo("**Hi** there, say `cancel`\n\n- one\n- two");
        }

        @Test
        void unsafeLinksAreNotClickableInText() {
            RenderedMessage message = renderer.render(List.of(Block.text("[win](javascript:alert(1)) or [docs](https://d.example)")));
            assertThat(message.fallbackText()).doesNotContain("](javascript").contains("[docs](https://d.example)");
        }

        @Test
        void veryLongTextIsShortenedWithANote() {
            String text = "word ".repeat(20_000);
            RenderedMessage message = renderer.render(List.of(Block.text(text)));
            assertThat(Cut.utf8(message.fallbackText())).isLessThanOrEqualTo(24_000);
            assertThat(message.fallbackText()).endsWith("\u2026\n\n_(Shortened to fit in Teams.)_");
        }

        @Test
        void nothingToSayGivesNoCardAndEmptyText() {
            RenderedMessage message = renderer.render(List.of());
            assertThat(message.hasCard()).isFalse();
            assertThat(message.fallbackText()).isEmpty();
        }

        @Test
        void canStillBeForcedIntoACardForInvokeResponses() {
            ObjectNode card = card(Block.text("Thanks, **sent**. Ref `a1`."));
            assertThat(texts(card)).containsExactly("Thanks, **sent**. Ref \u201ca1\u201d.");
        }
    }

    @Nested
    class Text {

        @Test
        void isATextBlockInTeamsMarkdown() {
            ObjectNode card = card(Block.text("**Bold** _it_ `code` [docs](https://d.example)\n- a\n- b"), new Block.Progress("x", 1));
            assertThat(body(card).getFirst().path("type").asText()).isEqualTo("TextBlock");
            assertThat(texts(card).getFirst())
                    .isEqualTo("**Bold** _it_ \u201ccode\u201d [docs](https://d.example)\n\n- a\n- b");
        }

        @Test
        void blankTextAddsNothing() {
            assertThat(body(card(Block.text("  ")))).isEmpty();
        }
    }

    @Nested
    class Choices {

        @Test
        void areExecuteButtonsWithTheChoiceContract() {
            ObjectNode card = card(new Block.Choices("Which **one**?", List.of(
                    new Choice("Send", "give.confirm@n1", "yes", Choice.Style.PRIMARY),
                    Choice.of("Edit", "give.confirm@n1", "edit"),
                    new Choice("Delete", "give.delete@n1", "d", Choice.Style.DANGER))));
            assertThat(types(card)).containsExactly("TextBlock", "ActionSet");
            assertThat(texts(card)).containsExactly("Which **one**?");
            assertThat(actions(card)).hasSize(3).allSatisfy(a -> {
                assertThat(a.path("type").asText()).isEqualTo("Action.Execute");
                assertThat(a.path("verb").asText()).isEqualTo("choice");
                assertThat(a.path("associatedInputs").asText()).isEqualTo("none");
            });
            JsonNode send = action(card, "Send");
            assertThat(send.path("data").toString()).isEqualTo("{\"actionId\":\"give.confirm@n1\",\"value\":\"yes\"}");
            assertThat(send.path("style").asText()).isEqualTo("positive");
            assertThat(action(card, "Edit").has("style")).isFalse();
            assertThat(action(card, "Delete").path("style").asText()).isEqualTo("destructive");
        }

        @Test
        void withoutPromptThereAreOnlyButtons() {
            ObjectNode card = card(new Block.Choices(null, List.of(Choice.of("  ", "a", null))));
            assertThat(types(card)).containsExactly("ActionSet");
            JsonNode button = actions(card).getFirst();
            assertThat(button.path("title").asText()).isEqualTo("(no label)");
            assertThat(button.path("data").has("value")).isTrue();
            assertThat(button.path("data").path("value").isNull()).isTrue();
        }

        @Test
        void choicesThatDoNotFitSideBySideInANarrowChatAreOneButtonPerRowInOrder() {
            ObjectNode card = card(new Block.Choices(null, List.of(
                    new Choice("Give feedback", "say", "give feedback", Choice.Style.PRIMARY),
                    Choice.of("Request feedback", "say", "request feedback"), Choice.of("My feedback", "say", "my feedback"),
                    Choice.of("My goals", "say", "my goals"))));
            List<JsonNode> sets = ofType(card, "ActionSet");
            assertThat(sets).hasSize(4).allSatisfy(set -> assertThat(set.path("actions")).hasSize(1));
            assertThat(actions(card)).extracting(a -> a.path("title").asText())
                    .containsExactly("Give feedback", "Request feedback", "My feedback", "My goals");
            assertThat(sets).extracting(set -> set.path("spacing").asText()).containsExactly("", "Small", "Small", "Small");
            assertThat(action(card, "My goals").path("data").toString()).isEqualTo("{\"actionId\":\"say\",\"value\":\"my goals\"}");
        }

        @Test
        void moreThanSixActionsAreOneButtonPerRowEvenWhenShort() {
            List<Choice> menu = IntStream.range(0, 7).mapToObj(i -> Choice.of("" + i, "menu." + i, "v")).toList();
            ObjectNode card = card(new Block.Choices("Menu", menu));
            assertThat(ofType(card, "ActionSet")).hasSize(7);
            assertThat(actions(card)).extracting(a -> a.path("title").asText()).containsExactly("0", "1", "2", "3", "4", "5", "6");
        }

        @Test
        void aGroupWithATitleTooLongForAButtonIsAListOfWrappingOptionsWithAChooseButton() {
            String longTitle = "Run a monthly customer advisory board with our five largest enterprise accounts";
            ObjectNode card = card(new Block.Choices("Which objective?", List.of(Choice.of("Grow two engineers", "req.objective@n", "o1"),
                    Choice.of(longTitle, "req.objective@n", "o2"), Choice.of("Not about an objective", "req.objective@n", "none"),
                    new Choice("Cancel", "req.cancel@n", "", Choice.Style.DANGER))));

            assertThat(types(card)).containsExactly("TextBlock", "Input.ChoiceSet", "ActionSet");
            JsonNode options = input(card, "value");
            assertThat(options.path("style").asText()).isEqualTo("expanded");
            assertThat(options.path("wrap").asBoolean()).isTrue();
            assertThat(options.path("label").asText()).isEqualTo("Choose one");
            assertThat(options.path("isRequired").asBoolean()).isTrue();
            assertThat(options.path("choices").get(1).toString()).isEqualTo("{\"title\":\"" + longTitle + "\",\"value\":\"o2\"}");
            assertThat(actions(card)).extracting(a -> a.path("title").asText()).containsExactly("Choose", "Cancel");
            assertThat(action(card, "Choose").path("data").toString()).isEqualTo("{\"actionId\":\"req.objective@n\"}");
            assertThat(action(card, "Choose").path("associatedInputs").asText()).isEqualTo("auto");
            assertThat(action(card, "Cancel").path("associatedInputs").asText()).isEqualTo("none");
        }

        @Test
        void aLoneTitleTooLongForAButtonIsATappableRowDoingWhatTheButtonWould() {
            String longTitle = "Yes, I can mentor Stakeholder management and influencing across the organisation";
            ObjectNode card = card(new Block.Choices(null, List.of(new Choice(longTitle, "say", "mentor", Choice.Style.PRIMARY),
                    Choice.of("No, thanks", "offer.no@n", "no"))));

            assertThat(types(card)).containsExactly("Container", "ActionSet");
            JsonNode row = body(card).getFirst();
            assertThat(row.path("selectAction").path("type").asText()).isEqualTo("Action.Execute");
            assertThat(row.path("selectAction").path("verb").asText()).isEqualTo("choice");
            assertThat(row.path("selectAction").path("associatedInputs").asText()).isEqualTo("none");
            assertThat(row.path("selectAction").path("data").toString()).isEqualTo("{\"actionId\":\"say\",\"value\":\"mentor\"}");
            assertThat(row.path("items").get(0).path("text").asText()).isEqualTo(longTitle);
            assertThat(row.path("items").get(0).path("wrap").asBoolean()).isTrue();
            assertThat(CardActions.toInput(Cards.invokeAction(row.path("selectAction"))))
                    .contains(new dev.stepwise.core.conversation.Input.ButtonPressed("say", "mentor"));
        }

        @Test
        void longTitlesBesideAFormAreTappableRowsBecauseAMenuWouldShareItsInputs() {
            List<Choice> choices = List.of(Choice.of("L".repeat(60), "pick", "1"), Choice.of("M".repeat(60), "pick", "2"));
            ObjectNode card = card(new Block.Choices("Pick", choices),
                    form(new Field("text", "Text", Field.Kind.TEXT, true, null, null, null, null, null, List.of())));
            assertThat(ofType(card, "Input.ChoiceSet")).isEmpty();
            assertThat(ofType(card, "Container")).extracting(c -> c.path("selectAction").path("data").path("value").asText())
                    .containsExactly("1", "2");
        }

        @Test
        void aTitleIsKeptWholeUpToThreeHundredChars() {
            String title = "Objective ".repeat(20).strip();
            ObjectNode card = card(new Block.Choices(null, List.of(Choice.of(title, "a", "1"), Choice.of("x".repeat(301), "b", "2"))));
            assertThat(ofType(card, "Container")).extracting(c -> c.path("selectAction").path("title").asText())
                    .containsExactly(title, "x".repeat(299) + "\u2026");
        }

        @Test
        void manyChoicesForOneActionBecomeADropDownWithAChooseButton() {
            List<Choice> choices = new ArrayList<>();
            IntStream.range(0, 10).forEach(i -> choices.add(Choice.of("Person " + i, "give.recipient@n", "p" + i)));
            choices.add(new Choice("Cancel", "give.cancel@n", "cancel", Choice.Style.DANGER));
            ObjectNode card = card(new Block.Choices("Who did you mean?", choices));

            assertThat(types(card)).containsExactly("TextBlock", "Input.ChoiceSet", "ActionSet");
            JsonNode dropdown = input(card, "value");
            assertThat(dropdown.path("style").asText()).isEqualTo("compact");
            assertThat(dropdown.path("isRequired").asBoolean()).isTrue();
            assertThat(dropdown.path("errorMessage").asText()).isNotBlank();
            assertThat(dropdown.path("choices")).hasSize(10);
            assertThat(dropdown.path("choices").get(3).toString()).isEqualTo("{\"title\":\"Person 3\",\"value\":\"p3\"}");

            assertThat(actions(card)).extracting(a -> a.path("title").asText()).containsExactly("Choose", "Cancel");
            JsonNode choose = action(card, "Choose");
            assertThat(choose.path("verb").asText()).isEqualTo("choice");
            assertThat(choose.path("data").toString()).isEqualTo("{\"actionId\":\"give.recipient@n\"}");
            assertThat(choose.path("associatedInputs").asText()).isEqualTo("auto");
            assertThat(action(card, "Cancel").path("associatedInputs").asText()).isEqualTo("none");
        }

        @Test
        void noDropDownBesideAFormBecauseItWouldShareItsInputs() {
            List<Choice> choices = IntStream.range(0, 10).mapToObj(i -> Choice.of("P" + i, "pick", "p" + i)).toList();
            ObjectNode card = card(new Block.Choices("Pick", choices),
                    form(new Field("text", "Text", Field.Kind.TEXT, true, null, null, null, null, null, List.of())));
            assertThat(ofType(card, "Input.ChoiceSet")).isEmpty();
            assertThat(actions(card).stream().filter(a -> "choice".equals(a.path("verb").asText()))).hasSize(10);
        }

        @Test
        void noDropDownsWhenTwoBlocksWouldNeedOne() {
            List<Choice> a = IntStream.range(0, 7).mapToObj(i -> Choice.of("A" + i, "a", "" + i)).toList();
            List<Choice> b = IntStream.range(0, 7).mapToObj(i -> Choice.of("B" + i, "b", "" + i)).toList();
            ObjectNode card = card(new Block.Choices("A", a), new Block.Choices("B", b));
            assertThat(ofType(card, "Input.ChoiceSet")).isEmpty();
            assertThat(actions(card)).hasSize(14);
        }
    }

    @Nested
    class Forms {

        private final Block.Form feedback = new Block.Form("give.compose@n7", "Feedback for **Ann**", List.of(
                new Field("skill", "Skill (optional)", Field.Kind.SELECT, false, null, "Pick a skill", "s2",
                        "The skill your feedback is about.", "Please pick one of the skills in the list.",
                        List.of(new Block.Option("Listening", "s1"), new Block.Option("Writing", "s2"))),
                new Field("text", "Your feedback", Field.Kind.TEXTAREA, true, 2000, "What did they do?",
                        "Great demo", "Specific and kind beats long.", null, List.of()),
                new Field("title", "Title", Field.Kind.TEXT, false, 80, null, null, null, null, List.of())),
                "Send feedback");

        @Test
        void rendersEachFieldAsAnInputWithItsErrorAndHintUnderIt() {
            ObjectNode card = card(feedback);
            assertThat(types(card)).containsExactly("TextBlock", "Input.ChoiceSet", "TextBlock", "TextBlock",
                    "Input.Text", "TextBlock", "Input.Text", "ActionSet");
            List<JsonNode> body = body(card);
            assertThat(body.get(0).path("text").asText()).isEqualTo("Feedback for **Ann**");
            assertThat(body.get(0).path("weight").asText()).isEqualTo("Bolder");

            JsonNode skill = body.get(1);
            assertThat(skill.path("id").asText()).isEqualTo("field.skill");
            assertThat(skill.path("label").asText()).isEqualTo("Skill (optional)");
            assertThat(skill.path("style").asText()).isEqualTo("compact");
            assertThat(skill.path("value").asText()).isEqualTo("s2");
            assertThat(skill.path("placeholder").asText()).isEqualTo("Pick a skill");
            assertThat(skill.path("choices").toString())
                    .isEqualTo("[{\"title\":\"Listening\",\"value\":\"s1\"},{\"title\":\"Writing\",\"value\":\"s2\"}]");
            assertThat(skill.has("isRequired")).isFalse();

            JsonNode error = body.get(2);
            assertThat(error.path("text").asText()).isEqualTo("Please pick one of the skills in the list.");
            assertThat(error.path("color").asText()).isEqualTo("Attention");
            assertThat(error.path("weight").asText()).isEqualTo("Bolder");
            JsonNode hint = body.get(3);
            assertThat(hint.path("text").asText()).isEqualTo("The skill your feedback is about.");
            assertThat(hint.path("isSubtle").asBoolean()).isTrue();

            JsonNode text = body.get(4);
            assertThat(text.path("id").asText()).isEqualTo("field.text");
            assertThat(text.path("isMultiline").asBoolean()).isTrue();
            assertThat(text.path("maxLength").asInt()).isEqualTo(2000);
            assertThat(text.path("isRequired").asBoolean()).isTrue();
            assertThat(text.path("errorMessage").asText()).isNotBlank();
            assertThat(text.path("value").asText()).isEqualTo("Great demo");
            assertThat(text.path("placeholder").asText()).isEqualTo("What did they do?");

            JsonNode title = body.get(6);
            assertThat(title.has("isMultiline")).isFalse();
            assertThat(title.path("maxLength").asInt()).isEqualTo(80);
            assertThat(title.has("value")).isFalse();
        }

        @Test
        void submitsWithOneExecuteActionCarryingTheFormId() {
            JsonNode submit = action(card(feedback), "Send feedback");
            assertThat(submit.path("type").asText()).isEqualTo("Action.Execute");
            assertThat(submit.path("verb").asText()).isEqualTo("form");
            assertThat(submit.path("style").asText()).isEqualTo("positive");
            assertThat(submit.path("associatedInputs").asText()).isEqualTo("auto");
            assertThat(submit.path("data").toString())
                    .isEqualTo("{\"formId\":\"give.compose@n7\",\"fields\":[\"skill\",\"text\",\"title\"]}");
        }

        @Test
        void aSelectWithAnOptionTooLongForADropDownIsAListOfWrappingOptions() {
            ObjectNode card = card(form(new Field("question", "Question", Field.Kind.SELECT, false, null, null, "0", null, null,
                    List.of(new Block.Option("What should I keep doing, start doing and stop doing?", "0"),
                            new Block.Option("Anything else?", "1")))));
            JsonNode question = input(card, "field.question");
            assertThat(question.path("style").asText()).isEqualTo("expanded");
            assertThat(question.path("wrap").asBoolean()).isTrue();
            assertThat(question.path("value").asText()).isEqualTo("0");
        }

        @Test
        void submitLabelDefaultsToSubmit() {
            ObjectNode card = card(new Block.Form("f", null, List.of(), null));
            assertThat(types(card)).containsExactly("ActionSet");
            assertThat(actions(card).getFirst().path("title").asText()).isEqualTo("Submit");
        }

        @Test
        void aSelectWithoutOptionsIsATextInput() {
            ObjectNode card = card(form(new Field("x", "X", Field.Kind.SELECT, false, null, null, null, null, null, List.of())));
            assertThat(input(card, "field.x").path("type").asText()).isEqualTo("Input.Text");
        }

        @Test
        void aSecondFormInTheSameCardGetsItsOwnInputIds() {
            ObjectNode card = card(form(new Field("a", "A", Field.Kind.TEXT, false, null, null, null, null, null, List.of())),
                    new Block.Form("second", "Second", List.of(
                            new Field("a", "A", Field.Kind.TEXT, false, null, null, null, null, null, List.of())), "Go"));
            assertThat(input(card, "field.a")).isNotNull();
            assertThat(input(card, "field2.a")).isNotNull();
            assertThat(action(card, "Go").path("data").path("fieldPrefix").asText()).isEqualTo("field2.");
            assertThat(action(card, "Submit").path("data").has("fieldPrefix")).isFalse();
        }
    }

    @Nested
    class CardBlocks {

        @Test
        void titleSubtitleAndFacts() {
            ObjectNode card = card(new Block.Card("Objective", "Due in **May**", List.of(
                    new Block.CardField("Owner", "Ann"), new Block.CardField("Status", "_On track_"),
                    new Block.CardField("Ref", "`x1`"))));
            assertThat(types(card)).containsExactly("TextBlock", "TextBlock", "FactSet");
            assertThat(body(card).get(0).path("size").asText()).isEqualTo("Medium");
            assertThat(body(card).get(1).path("isSubtle").asBoolean()).isTrue();
            assertThat(body(card).get(1).path("text").asText()).isEqualTo("Due in **May**");
            assertThat(body(card).get(2).path("facts").toString()).isEqualTo(
                    "[{\"title\":\"Owner\",\"value\":\"Ann\"},{\"title\":\"Status\",\"value\":\"_On track_\"},"
                            + "{\"title\":\"Ref\",\"value\":\"\u201cx1\u201d\"}]");
        }

        @Test
        void noFieldsNoFactSet() {
            assertThat(types(card(new Block.Card("Only a title", null, List.of())))).containsExactly("TextBlock");
        }
    }

    @Nested
    class Links {

        @Test
        void areABulletedListOfMarkdownLinksWithNotes() {
            ObjectNode card = card(new Block.Links("Read next", List.of(
                    new Block.Link("Feedback guide", "https://learn.example/feedback", "5 min"),
                    new Block.Link("Plain http", "http://old.example", null))));
            assertThat(texts(card)).containsExactly("Read next",
                    "- [Feedback guide](https://learn.example/feedback) \u2014 5 min", "- [Plain http](http://old.example)");
            assertThat(body(card).get(0).path("weight").asText()).isEqualTo("Bolder");
        }

        @Test
        void anUnsafeUrlIsTextNeverALink() {
            ObjectNode card = card(new Block.Links(null, List.of(
                    new Block.Link("Click me", "javascript:alert(document.cookie)", null),
                    new Block.Link("Intranet", "file:///c:/secret", null))));
            assertThat(texts(card)).containsExactly("- Click me (javascript:alert(document.cookie))",
                    "- Intranet (file:///c:/secret)");
            assertThat(card.toString()).doesNotContain("](javascript").doesNotContain("Action.OpenUrl");
        }
    }

    @Nested
    class Progress {

        @Test
        void isALabelABarAndThePercentage() {
            ObjectNode card = card(new Block.Progress("Objective **done**", 40));
            assertThat(types(card)).containsExactly("TextBlock", "ColumnSet", "TextBlock");
            List<JsonNode> body = body(card);
            assertThat(body.get(0).path("text").asText()).isEqualTo("Objective **done**");
            JsonNode columns = body.get(1).path("columns");
            assertThat(columns).hasSize(2);
            assertThat(columns.get(0).path("width").asInt()).isEqualTo(40);
            assertThat(columns.get(0).path("style").asText()).isEqualTo("good");
            assertThat(columns.get(1).path("width").asInt()).isEqualTo(60);
            assertThat(columns.get(1).path("style").asText()).isEqualTo("emphasis");
            assertThat(columns.get(0).path("minHeight").asText()).isEqualTo("8px");
            assertThat(body.get(2).path("text").asText()).isEqualTo("40%");
        }

        @Test
        void emptyAndFullBarsHaveOneColumn() {
            JsonNode empty = ofType(card(new Block.Progress(null, 0)), "ColumnSet").getFirst().path("columns");
            assertThat(empty).hasSize(1);
            assertThat(empty.get(0).path("style").asText()).isEqualTo("emphasis");
            JsonNode full = ofType(card(new Block.Progress(null, 100)), "ColumnSet").getFirst().path("columns");
            assertThat(full).hasSize(1);
            assertThat(full.get(0).path("style").asText()).isEqualTo("good");
            assertThat(texts(card(new Block.Progress(null, 100)))).containsExactly("100%");
        }
    }

    @Nested
    class Refreshes {

        @Test
        void addARefreshActionForTheGivenUsers() {
            ObjectNode card = renderer.card(List.of(Block.text("Status")),
                    Refresh.forUsers(List.of("29:ann", "29:bob"), java.util.Map.of("view", "request-42")));
            assertThat(card.path("refresh").toString()).isEqualTo(
                    "{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"refresh\",\"data\":{\"view\":\"request-42\"}},"
                            + "\"userIds\":[\"29:ann\",\"29:bob\"]}");
        }

        @Test
        void capUserIdsAtSixtyWithoutDuplicatesOrBlanks() {
            List<String> ids = new ArrayList<>();
            ids.add("29:u0");
            ids.add(" ");
            IntStream.range(0, 80).forEach(i -> ids.add("29:u" + i));
            Refresh refresh = Refresh.forUsers(ids, null);
            assertThat(refresh.userIds()).hasSize(60).doesNotHaveDuplicates().startsWith("29:u0", "29:u1");
            assertThat(renderer.card(List.of(), refresh).path("refresh").path("userIds")).hasSize(60);
        }

        @Test
        void withoutUserIdsTeamsRefreshesForEveryoneInSmallChats() {
            ObjectNode card = renderer.card(List.of(), new Refresh(null, null));
            assertThat(card.path("refresh").has("userIds")).isFalse();
            assertThat(renderer.card(List.of(), Refresh.forUsers(List.of(), null)).path("refresh").path("userIds")).isEmpty();
        }

        @Test
        void makeEvenTextOnlyMessagesACard() {
            RenderedMessage message = renderer.render(List.of(Block.text("Hi")), Refresh.forUsers(List.of("29:a"), null));
            assertThat(message.hasCard()).isTrue();
            assertThat(message.card().path("refresh").path("action").path("verb").asText()).isEqualTo("refresh");
        }

        @Test
        void refuseOversizedData() {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Refresh(java.util.Map.of("k", "x".repeat(3000)), List.of()));
        }
    }

    @Nested
    class Fallback {

        @Test
        void aCardMessageCarriesThePlainTextSummary() {
            List<Block> blocks = List.of(new Block.Card("Objective", null, List.of(new Block.CardField("Owner", "Ann"))),
                    new Block.Choices("Next?", List.of(Choice.of("Done", "a", "1"))));
            RenderedMessage message = renderer.render(blocks);
            assertThat(message.hasCard()).isTrue();
            assertThat(message.fallbackText()).isEqualTo(PlainText.of(blocks)).isEqualTo("Objective\nOwner: Ann\n\nNext?\n[Done]");
        }

        @Test
        void theSummaryIsShortEnoughForAnActivity() {
            RenderedMessage message = renderer.render(List.of(new Block.Progress("p", 1), Block.text("\u00e9".repeat(5000))));
            assertThat(Cut.utf8(message.fallbackText())).isLessThanOrEqualTo(1000);
            assertThat(message.card().path("fallbackText").asText().length()).isLessThanOrEqualTo(300);
        }
    }

    @Nested
    class SizeLimit {

        @Test
        void aSmallCardIsNotShortened() {
            ObjectNode card = card(Block.text("x".repeat(5000)), new Block.Progress("p", 3));
            assertThat(texts(card).getFirst()).hasSize(5000);
            assertThat(texts(card)).noneMatch(t -> t.contains("shortened"));
        }

        @Test
        void longTextIsCutButEveryChoiceSurvives() {
            String essay = "This sentence is long enough to matter. ".repeat(3000);
            List<Choice> choices = List.of(new Choice("Keep", "k", "1", Choice.Style.PRIMARY), Choice.of("Drop", "d", "2"));
            ObjectNode card = card(Block.text(essay), new Block.Choices("Keep it?", choices));
            assertThat(CardBuilder.bytes(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
            assertThat(texts(card).getFirst()).endsWith("\u2026").hasSizeGreaterThan(10_000);
            assertThat(actions(card)).extracting(a -> a.path("title").asText()).containsExactly("Keep", "Drop");
            assertThat(texts(card).getLast()).isEqualTo(CardBuilder.SHORTENED_NOTE);
        }

        @Test
        void aPrefilledValueIsNeverCut() {
            String draft = "My draft feedback. ".repeat(150);
            ObjectNode card = card(Block.text("Context ".repeat(5000)),
                    form(new Field("text", "Text", Field.Kind.TEXTAREA, true, 4000, null, draft, null, null, List.of())));
            assertThat(CardBuilder.bytes(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
            assertThat(input(card, "field.text").path("value").asText()).isEqualTo(draft);
        }

        @Test
        void longListsAreCutWithACountOfWhatIsMissing() {
            List<Block.Link> links = IntStream.range(0, 2000)
                    .mapToObj(i -> new Block.Link("Course number " + i, "https://learn.example/courses/" + i, "about it")).toList();
            ObjectNode card = card(new Block.Links("Courses", links));
            assertThat(CardBuilder.bytes(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
            String more = texts(card).stream().filter(t -> t.startsWith("\u2026and ")).findFirst().orElseThrow();
            int shown = (int) texts(card).stream().filter(t -> t.startsWith("- [Course")).count();
            assertThat(shown).isGreaterThan(50);
            assertThat(more).isEqualTo("\u2026and " + (2000 - shown) + " more links.");
        }

        @Test
        void manyBlocksEndWithANoteThatTheRestIsLeftOut() {
            List<Block> blocks = IntStream.range(0, 3000).mapToObj(i -> (Block) new Block.Progress("Step " + i, i % 101)).toList();
            ObjectNode card = renderer.card(blocks, null);
            assertThat(CardBuilder.bytes(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
            assertThat(texts(card).getFirst()).isEqualTo("Step 0");
            assertThat(texts(card).getLast()).isEqualTo(CardBuilder.LEFT_OUT_NOTE);
        }

        @Test
        void theBudgetCountsMultiByteText() {
            ObjectNode card = card(Block.text("\u6f22\u5b57".repeat(10_000)), new Block.Progress("p", 5));
            assertThat(CardBuilder.bytes(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
        }
    }

    static Block.Form form(Field... fields) {
        return new Block.Form("flow.form@n", "Form", List.of(fields), null);
    }
}
