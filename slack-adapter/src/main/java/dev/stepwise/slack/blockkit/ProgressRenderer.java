package dev.stepwise.slack.blockkit;

import com.slack.api.model.block.LayoutBlock;
import dev.stepwise.core.conversation.Block;
import java.util.List;

final class ProgressRenderer {

    private static final int CELLS = 10;

    private ProgressRenderer() {
    }

    static List<LayoutBlock> render(Block.Progress progress) {
        String bar = bar(progress.percent());
        boolean labelled = progress.label() != null && !progress.label().isBlank();
        return List.of(Sections.section(labelled ? Sections.bold(progress.label()) + "\n" + bar : bar));
    }

    static String bar(int percent) {
        int filled = percent * CELLS / 100;
        return "▓".repeat(filled) + "░".repeat(CELLS - filled) + " " + percent + "%";
    }
}
