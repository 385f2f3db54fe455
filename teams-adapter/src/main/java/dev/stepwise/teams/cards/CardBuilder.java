package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.PlainText;
import java.util.List;

/*
 * Builds the card and keeps it within CardLimits.CARD_BYTES: first as is; if too big, every text is cut to the
 * largest length that fits (never below MIN_TEXT); if still too big, lists (choices, options, facts, links) are cut
 * to the longest that fits; as a last resort trailing blocks are left out. A subtle note at the end says so.
 * Inputs, pre-filled values, ids and action data are never cut.
 */
final class CardBuilder {

    static final String SHORTENED_NOTE = "_Some of this was shortened to fit in Teams._";
    static final String LEFT_OUT_NOTE = "_The rest of this message is too long to show in Teams._";

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final int MAX_TEXT_CAP = 1 << 20;
    private static final int MAX_LIST_CAP = 1 << 14;

    private final List<Block> blocks;
    private final Refresh refresh;
    private final Layout layout;
    private final String fallbackText;

    CardBuilder(List<Block> blocks, Refresh refresh) {
        this.blocks = List.copyOf(blocks);
        this.refresh = refresh;
        this.layout = Layout.of(this.blocks);
        this.fallbackText = PlainText.of(this.blocks);
    }

    ObjectNode fitted() {
        int all = blocks.size();
        ObjectNode card = build(Shrink.none(), all);
        if (fits(card)) {
            return card;
        }
        if (fits(build(new Shrink(CardLimits.MIN_TEXT, Shrink.UNLIMITED), all))) {
            int cap = largestFitting(CardLimits.MIN_TEXT, MAX_TEXT_CAP, n -> build(new Shrink(n, Shrink.UNLIMITED), all));
            return build(new Shrink(cap, Shrink.UNLIMITED), all);
        }
        if (fits(build(new Shrink(CardLimits.MIN_TEXT, 1), all))) {
            int cap = largestFitting(1, MAX_LIST_CAP, n -> build(new Shrink(CardLimits.MIN_TEXT, n), all));
            return build(new Shrink(CardLimits.MIN_TEXT, cap), all);
        }
        int keep = largestFitting(0, all, n -> build(new Shrink(CardLimits.MIN_TEXT, 1), n));
        return build(new Shrink(CardLimits.MIN_TEXT, 1), keep);
    }

    static int bytes(ObjectNode card) {
        try {
            return JACKSON.writeValueAsBytes(card).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a card", e);
        }
    }

    private static boolean fits(ObjectNode card) {
        return bytes(card) <= CardLimits.CARD_BYTES;
    }

    // The largest n in [low, high] whose card fits, given that low's fits (or low is the last resort).
    private static int largestFitting(int low, int high, java.util.function.IntFunction<ObjectNode> cardFor) {
        int fits = low;
        int tooBig = high + 1;
        while (tooBig - fits > 1) {
            int middle = fits + (tooBig - fits) / 2;
            if (fits(cardFor.apply(middle))) {
                fits = middle;
            } else {
                tooBig = middle;
            }
        }
        return fits;
    }

    private ObjectNode build(Shrink shrink, int keep) {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", AdaptiveCardRenderer.SCHEMA);
        card.put("type", "AdaptiveCard");
        card.put("version", AdaptiveCardRenderer.VERSION);
        card.putObject("msteams").put("width", "Full");
        if (!fallbackText.isBlank()) {
            card.put("fallbackText", Cut.plain(fallbackText, CardLimits.CARD_FALLBACK_TEXT));
        }
        ArrayNode body = card.putArray("body");
        for (int i = 0; i < keep; i++) {
            List<ObjectNode> elements = render(i, shrink);
            if (!elements.isEmpty() && !body.isEmpty()) {
                elements.getFirst().put("spacing", "Medium");
            }
            elements.forEach(body::add);
        }
        if (keep < blocks.size()) {
            body.add(Elements.subtle(LEFT_OUT_NOTE).put("spacing", "Medium"));
        } else if (shrink.shortened()) {
            body.add(Elements.subtle(SHORTENED_NOTE).put("spacing", "Medium"));
        }
        if (refresh != null) {
            card.set("refresh", refresh.toJson());
        }
        return card;
    }

    private List<ObjectNode> render(int index, Shrink shrink) {
        return switch (blocks.get(index)) {
            case Block.Text text -> Elements.present(text.markdown())
                    ? List.of(Elements.textBlock(shrink.markdown(TeamsMarkdown.card(text.markdown())))) : List.of();
            case Block.Choices choices -> ChoicesRenderer.render(choices, layout.menu(index), shrink);
            case Block.Form form -> FormRenderer.render(form, layout.fieldPrefix(index), shrink);
            case Block.Card card -> FactCardRenderer.render(card, shrink);
            case Block.Links links -> LinksRenderer.render(links, shrink);
            case Block.Progress progress -> ProgressRenderer.render(progress, shrink);
        };
    }
}
