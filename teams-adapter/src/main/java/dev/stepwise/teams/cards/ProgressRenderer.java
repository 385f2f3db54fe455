package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

// Adaptive Cards have no progress bar: the label, then a thin bar of two coloured columns whose widths are the done
// and remaining shares, then the percentage as text (which is also what screen readers get).
final class ProgressRenderer {

    static final String BAR_HEIGHT = "8px";

    private ProgressRenderer() {
    }

    static List<ObjectNode> render(Block.Progress progress, Shrink shrink) {
        List<ObjectNode> elements = new ArrayList<>();
        if (Elements.present(progress.label())) {
            elements.add(Elements.textBlock(shrink.markdown(TeamsMarkdown.card(progress.label()))));
        }
        ObjectNode bar = JSON.objectNode().put("type", "ColumnSet");
        if (!elements.isEmpty()) {
            bar.put("spacing", "Small");
        }
        ArrayNode columns = bar.putArray("columns");
        if (progress.percent() > 0) {
            columns.add(column(progress.percent(), "good"));
        }
        if (progress.percent() < 100) {
            columns.add(column(100 - progress.percent(), "emphasis"));
        }
        elements.add(bar);
        elements.add(Elements.subtle(progress.percent() + "%"));
        return elements;
    }

    private static ObjectNode column(int width, String style) {
        ObjectNode column = JSON.objectNode();
        column.put("type", "Column");
        column.put("width", width);
        column.put("style", style);
        column.put("minHeight", BAR_HEIGHT);
        column.putArray("items");
        return column;
    }
}
