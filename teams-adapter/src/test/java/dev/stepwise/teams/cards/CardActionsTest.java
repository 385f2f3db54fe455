package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Cards.action;
import static dev.stepwise.teams.cards.Cards.invokeAction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import dev.stepwise.core.conversation.Block.Field;
import dev.stepwise.core.conversation.Input;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CardActionsTest {

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPressedButtonComesBackAsTheChoice() {
        ObjectNode card = renderer.card(List.of(new Block.Choices("Sure?", List.of(
                new Choice("Yes", "give.confirm@n1", "yes", Choice.Style.PRIMARY), Choice.of("No", "give.confirm@n1", "no")))), null);
        assertThat(CardActions.toInput(invokeAction(action(card, "No"))))
                .contains(new Input.ButtonPressed("give.confirm@n1", "no"));
    }

    @Test
    void aChoiceWithoutValueComesBackWithoutValue() {
        ObjectNode card = renderer.card(List.of(new Block.Choices(null, List.of(Choice.of("Go", "home.go", null)))), null);
        assertThat(CardActions.toInput(invokeAction(action(card, "Go")))).contains(new Input.ButtonPressed("home.go", null));
    }

    @Test
    void theDropDownComesBackAsTheChosenChoice() {
        List<Choice> choices = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> choices.add(Choice.of("Person " + i, "give.recipient@n", "p" + i)));
        choices.add(Choice.of("Cancel", "give.cancel@n", "cancel"));
        ObjectNode card = renderer.card(List.of(new Block.Choices("Who?", choices)), null);

        ObjectNode pressed = invokeAction(action(card, "Choose"));
        ((ObjectNode) pressed.get("data")).put("value", "p6"); // Teams adds the input "value"
        assertThat(CardActions.toInput(pressed)).contains(new Input.ButtonPressed("give.recipient@n", "p6"));
        assertThat(CardActions.toInput(invokeAction(action(card, "Cancel"))))
                .contains(new Input.ButtonPressed("give.cancel@n", "cancel"));
    }

    @Test
    void aSubmittedFormComesBackWithEveryFieldByName() {
        Block.Form form = new Block.Form("give.compose@n7", "Feedback", List.of(
                new Field("skill", "Skill", Field.Kind.SELECT, false, null, null, null, null, null,
                        List.of(new Block.Option("Listening", "s1"))),
                new Field("text", "Text", Field.Kind.TEXTAREA, true, null, null, null, null, null, List.of()),
                new Field("note", "Note", Field.Kind.TEXT, false, null, null, null, null, null, List.of())), "Send");
        ObjectNode card = renderer.card(List.of(form), null);

        ObjectNode pressed = invokeAction(action(card, "Send"));
        ObjectNode data = (ObjectNode) pressed.get("data");
        data.put("field.text", "You explained the trade-offs clearly.");
        data.putNull("field.note");
        // Teams leaves an unselected compact ChoiceSet out.
        assertThat(CardActions.toInput(pressed)).contains(new Input.FormSubmitted("give.compose@n7",
                Map.of("skill", "", "text", "You explained the trade-offs clearly.", "note", "")));
    }

    @Test
    void aSecondFormReadsOnlyItsOwnInputs() {
        Field a = new Field("a", "A", Field.Kind.TEXT, false, null, null, null, null, null, List.of());
        ObjectNode card = renderer.card(List.of(new Block.Form("one", "One", List.of(a), "First"),
                new Block.Form("two", "Two", List.of(a), "Second")), null);
        ObjectNode pressed = invokeAction(action(card, "Second"));
        ((ObjectNode) pressed.get("data")).put("field.a", "from one").put("field2.a", "from two");
        assertThat(CardActions.toInput(pressed)).contains(new Input.FormSubmitted("two", Map.of("a", "from two")));

        ObjectNode first = invokeAction(action(card, "First"));
        ((ObjectNode) first.get("data")).put("field.a", "from one").put("field2.a", "from two");
        assertThat(CardActions.toInput(first)).contains(new Input.FormSubmitted("one", Map.of("a", "from one")));
    }

    @Test
    void readsTheInvokeValueAsTeamsSendsIt() throws Exception {
        JsonNode value = json.readTree("""
                {"action": {"type": "Action.Execute", "id": "x", "verb": "choice",
                            "data": {"actionId": "plan.step@n", "value": "3", "msteams": {"x": 1}}},
                 "trigger": "manual"}""");
        assertThat(CardActions.toInput(value)).contains(new Input.ButtonPressed("plan.step@n", "3"));
        assertThat(CardActions.toInput(value.get("action"))).contains(new Input.ButtonPressed("plan.step@n", "3"));
    }

    @Test
    void nonTextValuesAreReadAsText() throws Exception {
        JsonNode action = json.readTree("""
                {"verb": "form", "data": {"formId": "f", "field.n": 5, "field.b": true}}""");
        assertThat(CardActions.toInput(action)).contains(new Input.FormSubmitted("f", Map.of("n", "5", "b", "true")));
    }

    @Test
    void acceptsAMapAsWell() {
        Map<String, Object> data = new HashMap<>();
        data.put("formId", "f");
        data.put("fields", List.of("x", "y"));
        data.put("field.x", "1");
        assertThat(CardActions.toInput("form", data)).contains(new Input.FormSubmitted("f", Map.of("x", "1", "y", "")));
        assertThat(CardActions.toInput("choice", Map.of("actionId", "a", "value", "v")))
                .contains(new Input.ButtonPressed("a", "v"));
    }

    @Test
    void refreshesUnknownVerbsAndIncompleteActionsAreNotInput() throws Exception {
        ObjectNode card = renderer.card(List.of(), new Refresh(Map.of("view", "v1"), List.of("29:a")));
        JsonNode refresh = card.path("refresh").path("action");
        assertThat(CardActions.toInput(refresh)).isEmpty();
        assertThat(CardActions.data(refresh)).isEqualTo(Map.of("view", "v1"));
        assertThat(CardActions.toInput(json.readTree("{\"verb\": \"approve\", \"data\": {\"actionId\": \"a\"}}"))).isEmpty();
        assertThat(CardActions.toInput(json.readTree("{\"verb\": \"choice\", \"data\": {\"value\": \"v\"}}"))).isEmpty();
        assertThat(CardActions.toInput(json.readTree("{\"verb\": \"form\", \"data\": {}}"))).isEmpty();
        assertThat(CardActions.toInput(json.readTree("{\"verb\": \"choice\", \"data\": \"text\"}"))).isEmpty();
        assertThat(CardActions.toInput((JsonNode) null)).isEmpty();
        assertThat(CardActions.toInput("choice", null)).isEmpty();
    }

    @Test
    void invokeResponsesHaveTheUniversalActionsShape() {
        ObjectNode card = renderer.card(List.of(Block.text("Done")), null);
        assertThat(CardInvokeResponses.card(card).toString()).isEqualTo(
                "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.card.adaptive\",\"value\":" + card + "}");
        assertThat(CardInvokeResponses.message("Saved").toString()).isEqualTo(
                "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"Saved\"}");
        assertThat(CardInvokeResponses.error(400, "BadRequest", "Unknown action").toString()).isEqualTo(
                "{\"statusCode\":400,\"type\":\"application/vnd.microsoft.error\","
                        + "\"value\":{\"code\":\"BadRequest\",\"message\":\"Unknown action\"}}");
    }
}
