package dev.stepwise.slack.blockkit;

import com.slack.api.model.block.LayoutBlock;
import dev.stepwise.core.conversation.Block;
import java.util.List;

final class BlockRenderer {

    private BlockRenderer() {
    }

    static List<LayoutBlock> render(Block block) {
        return switch (block) {
            case Block.Text text -> Sections.of(SlackMarkdown.of(text.markdown()));
            case Block.Choices choices -> ChoicesRenderer.render(choices);
            case Block.Form form -> FormLauncher.render(form);
            case Block.Card card -> CardRenderer.render(card);
            case Block.Links links -> LinksRenderer.render(links);
            case Block.Progress progress -> ProgressRenderer.render(progress);
        };
    }
}
