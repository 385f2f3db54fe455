package dev.stepwise.slack.blockkit;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import java.util.List;

final class Sections {

    private Sections() {
    }

    static List<LayoutBlock> of(String mrkdwn) {
        if (mrkdwn == null || mrkdwn.isBlank()) {
            return List.of();
        }
        return TextChunks.split(mrkdwn, BlockKitLimits.SECTION_TEXT).stream().<LayoutBlock>map(Sections::section).toList();
    }

    static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(mrkdwn(Ellipsis.mrkdwn(mrkdwn, BlockKitLimits.SECTION_TEXT))).build();
    }

    static ContextBlock context(String mrkdwn) {
        return ContextBlock.builder()
                .elements(List.of(mrkdwn(Ellipsis.mrkdwn(mrkdwn, BlockKitLimits.CONTEXT_TEXT))))
                .build();
    }

    static String bold(String plain) {
        return "*" + SlackMarkdown.escape(plain.strip()) + "*";
    }

    static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(Ellipsis.plain(text, max)).build();
    }
}
