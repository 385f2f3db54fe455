package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.SECTION_FIELDS;
import static dev.stepwise.slack.blockkit.BlockKitLimits.SECTION_FIELD_TEXT;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

final class CardRenderer {

    private CardRenderer() {
    }

    static List<LayoutBlock> render(Block.Card card) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (card.title() != null && !card.title().isBlank()) {
            blocks.add(Sections.section(Sections.bold(card.title())));
        }
        if (card.subtitle() != null && !card.subtitle().isBlank()) {
            blocks.add(Sections.context(SlackMarkdown.escape(card.subtitle())));
        }
        List<TextObject> fields = card.fields().stream()
                .map(CardRenderer::field)
                .filter(text -> !text.isBlank())
                .<TextObject>map(text -> Sections.mrkdwn(Ellipsis.mrkdwn(text, SECTION_FIELD_TEXT)))
                .toList();
        for (int from = 0; from < fields.size(); from += SECTION_FIELDS) {
            blocks.add(SectionBlock.builder()
                    .fields(List.copyOf(fields.subList(from, Math.min(from + SECTION_FIELDS, fields.size()))))
                    .build());
        }
        return blocks;
    }

    private static String field(Block.CardField field) {
        boolean hasLabel = field.label() != null && !field.label().isBlank();
        String value = SlackMarkdown.of(field.value());
        if (!hasLabel) {
            return value;
        }
        return value.isBlank() ? Sections.bold(field.label()) : Sections.bold(field.label()) + "\n" + value;
    }
}
