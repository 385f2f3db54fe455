package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.BLOCKS_PER_VIEW;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

final class HomeRenderer {

    private HomeRenderer() {
    }

    static View render(List<Block> neutralBlocks) {
        List<LayoutBlock> blocks = new ArrayList<>();
        neutralBlocks.forEach(block -> blocks.addAll(BlockRenderer.render(block)));
        if (blocks.size() > BLOCKS_PER_VIEW) {
            int shown = BLOCKS_PER_VIEW - 1;
            int hidden = blocks.size() - shown;
            blocks.subList(shown, blocks.size()).clear();
            blocks.add(Sections.context(moreNotShown(hidden)));
        }
        return View.builder().type("home").blocks(blocks).build();
    }

    static String moreNotShown(int hidden) {
        return "…and " + hidden + " more not shown.";
    }
}
