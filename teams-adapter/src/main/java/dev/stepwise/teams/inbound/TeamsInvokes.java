package dev.stepwise.teams.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.PlainText;
import dev.stepwise.core.people.Person;
import dev.stepwise.teams.cards.AdaptiveCardRenderer;
import dev.stepwise.teams.cards.CardActions;
import dev.stepwise.teams.cards.CardInvokeResponses;
import dev.stepwise.teams.outbound.TeamsReplies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invoke activities, answered inside the HTTP response: Adaptive Card actions (buttons and forms, answered with
 * the updated card; {@code refresh} answered with the card's current state) and the "Give feedback on this
 * message" message extension (its dialog, then its submission).
 */
public class TeamsInvokes {

    private static final Logger log = LoggerFactory.getLogger(TeamsInvokes.class);
    public static final String GIVE_FEEDBACK_ON_MESSAGE = "giveFeedbackOnMessage";

    /** What goes back in the HTTP response. */
    public record Answer(int status, Object body) {
    }

    private final TeamsTurns turns;
    private final TeamsReplies replies;
    private final LiveViews views;

    public TeamsInvokes(TeamsTurns turns, TeamsReplies replies, LiveViews views) {
        this.turns = turns;
        this.replies = replies;
        this.views = views;
    }

    public Answer handle(TeamsContext context) {
        try {
            return answer(context);
        } catch (RuntimeException failure) {
            String reference = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(4)
                    .putInt(java.util.concurrent.ThreadLocalRandom.current().nextInt()).array()).toUpperCase(java.util.Locale.ROOT);
            log.error("Teams invoke {} failed (reference {})", context.activity().getName(), reference, failure);
            String sorry = "Sorry, something went wrong on my side and nothing half-done was saved. Please try again "
                    + "in a moment. If it keeps happening, give your admin this reference: " + reference + ".";
            return String.valueOf(context.activity().getName()).startsWith("composeExtension/")
                    ? taskMessage(sorry) : message(sorry);
        }
    }

    private Answer answer(TeamsContext context) {
        String name = context.activity().getName() == null ? "" : context.activity().getName();
        JsonNode value = ActivityJson.MAPPER.valueToTree(context.activity().getValue());
        return switch (name) {
            case "adaptiveCard/action" -> cardAction(context, value == null ? missing() : value);
            case "composeExtension/fetchTask" -> fetchTask(context, value == null ? missing() : value);
            case "composeExtension/submitAction" -> submitAction(context, value == null ? missing() : value);
            default -> {
                log.debug("Ignoring a Teams invoke nobody handles: {}", name);
                yield new Answer(200, Map.of());
            }
        };
    }

    private Answer cardAction(TeamsContext context, JsonNode value) {
        JsonNode action = value.path("action");
        String verb = action.path("verb").asText("");
        Map<String, String> data = CardActions.data(action);
        List<Block> said = new ArrayList<>();
        Optional<TeamsTurns.Known> known = turns.identify(context, said::add);
        if (known.isEmpty()) {
            return card(replies.card(said, null));
        }
        if ("refresh".equals(verb)) {
            Optional<List<Block>> current = views.current(data, known.get().person());
            return current.map(blocks -> card(replies.card(blocks,
                            views.refresh(data.get(LiveViews.VIEW), context.sender().userId()))))
                    .orElseGet(() -> message("This card has nothing newer to show."));
        }
        Optional<Input> input = CardActions.toInput(action);
        if (input.isEmpty()) {
            return message("That button isn't one I know. Say **help** to see what I can do.");
        }
        List<Outbound> answers = turns.answer(context.activity().getId(), known.get(), context.conversationId(), input.get());
        if (answers.isEmpty()) {
            return message("That's already done.");
        }
        return card(replies.card(blocksOf(answers), null));
    }

    private Answer fetchTask(TeamsContext context, JsonNode value) {
        if (!GIVE_FEEDBACK_ON_MESSAGE.equals(value.path("commandId").asText())) {
            return taskMessage("That action isn't one I know.");
        }
        List<Block> said = new ArrayList<>();
        Optional<TeamsTurns.Known> known = turns.identify(context, said::add);
        if (known.isEmpty()) {
            return taskMessage(PlainText.of(said));
        }
        JsonNode message = value.path("messagePayload");
        JsonNode author = message.path("from").path("user");
        if (author.isMissingNode() || author.isNull()) {
            return taskMessage("That message was written by an app, not a colleague, so there's nobody to give feedback to.");
        }
        Optional<Person> person = turns.byAadObjectId(known.get(), author.path("id").asText(null));
        if (person.isEmpty()) {
            String name = author.path("displayName").asText("whoever wrote that message");
            return taskMessage(name + " isn't in your organisation's Stepwise yet, so I can't pass feedback to them.");
        }
        String text = TeamsText.plain(message.path("body").path("content").asText(""));
        String link = message.path("linkToMessage").asText(null);
        return dialog(context, dialogKey(context, value), known.get(), new Input.FeedbackOnMessage(person.get().id(), text, link));
    }

    private Answer submitAction(TeamsContext context, JsonNode value) {
        JsonNode data = value.path("data");
        Optional<Input> input = data.isObject()
                ? CardActions.toInput(data.path(DialogCards.VERB).asText(""), ActivityJson.MAPPER.convertValue(data,
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }))
                : Optional.empty();
        if (input.isEmpty()) {
            return taskMessage("That form has moved on. Pick the message again to start over.");
        }
        List<Block> said = new ArrayList<>();
        Optional<TeamsTurns.Known> known = turns.identify(context, said::add);
        if (known.isEmpty()) {
            return taskMessage(PlainText.of(said));
        }
        return dialog(context, dialogKey(context, value), known.get(), input.get());
    }

    /** The core's answer in the dialog: another form when it asks for one, else a closing message. */
    private Answer dialog(TeamsContext context, String dialogKey, TeamsTurns.Known known, Input input) {
        List<Outbound> answers = turns.answer(context.activity().getId(), known, dialogKey, input);
        List<Block> blocks = blocksOf(answers);
        if (blocks.isEmpty()) {
            return taskMessage("That's already done.");
        }
        if (blocks.stream().noneMatch(b -> b instanceof Block.Form || b instanceof Block.Choices)) {
            return taskMessage(PlainText.of(blocks));
        }
        ObjectNode card = DialogCards.forDialog(replies.card(blocks, null));
        Map<String, Object> task = Map.of("type", "continue", "value", Map.of(
                "title", "Give feedback", "height", "medium", "width", "medium",
                "card", Map.of("contentType", AdaptiveCardRenderer.CONTENT_TYPE, "content", card)));
        return new Answer(200, Map.of("task", task));
    }

    /** A dialog's flow is kept apart from the chat's, per message acted on (fetch and submit name the same one). */
    private static String dialogKey(TeamsContext context, JsonNode value) {
        return "dialog:" + context.conversationId() + ":" + value.path("messagePayload").path("id").asText("");
    }

    private static List<Block> blocksOf(List<Outbound> answers) {
        return answers.stream().flatMap(a -> a.blocks().stream()).toList();
    }

    private static Answer card(ObjectNode card) {
        return new Answer(200, CardInvokeResponses.card(card));
    }

    private static Answer message(String text) {
        return new Answer(200, CardInvokeResponses.message(text));
    }

    private static Answer taskMessage(String text) {
        return new Answer(200, Map.of("task", Map.of("type", "message", "value", text)));
    }

    private static JsonNode missing() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
