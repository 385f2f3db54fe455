package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

// A core Card: title (heading), subtitle (subtle, tight under the title), then its label/value rows as a FactSet.
final class FactCardRenderer {

    private FactCardRenderer() {
    }

    static List<ObjectNode> render(Block.Card card, Shrink shrink) {
        List<ObjectNode> elements = new ArrayList<>();
        if (Elements.present(card.title())) {
            elements.add(Elements.heading(shrink.markdown(TeamsMarkdown.card(card.title()))));
        }
        if (Elements.present(card.subtitle())) {
            elements.add(Elements.textBlock(shrink.markdown(TeamsMarkdown.card(card.subtitle())))
                    .put("isSubtle", true).put("spacing", "None"));
        }
        List<Block.CardField> fields = shrink.list(card.fields());
        if (!fields.isEmpty()) {
            ObjectNode factSet = JSON.objectNode().put("type", "FactSet");
            ArrayNode facts = factSet.putArray("facts");
            for (Block.CardField field : fields) {
                facts.addObject()
                        .put("title", field.label() == null ? "" : Cut.plain(field.label().strip(), CardLimits.LABEL))
                        .put("value", shrink.markdown(TeamsMarkdown.card(field.value())));
            }
            elements.add(factSet);
        }
        int missing = card.fields().size() - fields.size();
        if (missing > 0) {
            elements.add(Elements.subtle("\u2026and " + missing + " more."));
        }
        return elements;
    }
}
