package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.PlainText;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders the core's neutral blocks as one Adaptive Card 1.5 for Teams ({@code version} "1.5", full width), in block
 * order. Stateless and thread-safe.
 * <ul>
 *   <li>Text: a wrapping TextBlock in Teams markdown (see below).</li>
 *   <li>Choices: the prompt, then {@code Action.Execute} buttons (verb {@value CardActions#VERB_CHOICE}, data
 *       {@code {"actionId", "value"}}, PRIMARY "positive", DANGER "destructive") laid out so that every title reads
 *       whole in a 420 px chat: side by side when up to six fit on one line, else one per line, and a title too long
 *       for any button as a tappable row whose text wraps. When a card's only crowded group (six or more choices
 *       sharing an action id, seven or more choices in all), or its only group of choices sharing an action id with
 *       a title too long for a button, can be its only input, that group becomes a menu with a "Choose" button
 *       whose data arrives in the same shape: a compact drop-down when every title fits in one, else a list of
 *       options whose titles wrap.</li>
 *   <li>Form: title, one input per field ({@code id} "field." + name; label, placeholder, pre-filled value,
 *       maxLength, isRequired with an error message; SELECT is an Input.ChoiceSet, compact unless an option is too
 *       long for a drop-down in a 420 px chat, then expanded with wrapping titles), the core's error for a
 *       field in attention colour right under its input, the hint in subtle text, and one {@code Action.Execute}
 *       submit (verb {@value CardActions#VERB_FORM}, data {@code {"formId", "fields"}}; Teams adds the inputs).</li>
 *   <li>Card: title, subtitle and a FactSet. Links: a bulleted list of links with notes. Progress: label, a
 *       two-colour bar and the percentage.</li>
 * </ul>
 * Markdown: bold, italic, links and bullets are kept; Teams cards do not render {@code `code`}, so it becomes the code
 * in curly quotes; lines become paragraphs except inside lists; only http(s) links stay clickable, any other target
 * is shown as text. Nothing is escaped. A card that would exceed Teams' size limit is shortened (texts first, then
 * lists, then trailing blocks), with a note saying so.
 */
public final class AdaptiveCardRenderer {

    /** The attachment content type of an Adaptive Card. */
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final String VERSION = "1.5";
    public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    /** Serialised cards stay within this many UTF-8 bytes, leaving room in Teams' ~28 KB message for the rest. */
    public static final int MAX_CARD_BYTES = CardLimits.CARD_BYTES;

    private static final String TEXT_SHORTENED_NOTE = "\n\n_(Shortened to fit in Teams.)_";

    /**
     * A message for these blocks. Only-text messages (and no blocks) get no card: {@code fallbackText} is then the
     * markdown text to send; anything else gets a card, with a plain-text summary as {@code fallbackText}.
     */
    public RenderedMessage render(List<Block> blocks) {
        return render(blocks, null);
    }

    /**
     * As {@link #render(List)}; a non-null {@code refresh} always gives a card, which Teams refreshes for the given
     * users whenever they look at it.
     */
    public RenderedMessage render(List<Block> blocks, Refresh refresh) {
        Objects.requireNonNull(blocks, "blocks");
        if (refresh == null && blocks.stream().allMatch(Block.Text.class::isInstance)) {
            return new RenderedMessage(null, markdownText(blocks));
        }
        return new RenderedMessage(card(blocks, refresh), summary(blocks));
    }

    /**
     * Always a card, even for text only: for an {@code adaptiveCard/action} invoke response or to update a card
     * message in place, where Teams needs a card. {@code refresh} may be {@code null}.
     */
    public ObjectNode card(List<Block> blocks, Refresh refresh) {
        return new CardBuilder(Objects.requireNonNull(blocks, "blocks"), refresh).fitted();
    }

    /** The plain-text summary of these blocks, within the budget for an activity's {@code summary}. */
    public String summary(List<Block> blocks) {
        return Cut.toBytes(PlainText.of(blocks), CardLimits.SUMMARY_BYTES, false);
    }

    private static String markdownText(List<Block> blocks) {
        String text = blocks.stream().map(b -> TeamsMarkdown.message(((Block.Text) b).markdown()))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining("\n\n"));
        if (Cut.utf8(text) <= CardLimits.TEXT_MESSAGE_BYTES) {
            return text;
        }
        return Cut.toBytes(text, CardLimits.TEXT_MESSAGE_BYTES - Cut.utf8(TEXT_SHORTENED_NOTE), true) + TEXT_SHORTENED_NOTE;
    }
}
