package dev.stepwise.slack.blockkit;

import com.slack.api.model.block.LayoutBlock;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

final class LinksRenderer {

    private LinksRenderer() {
    }

    static List<LayoutBlock> render(Block.Links links) {
        List<String> lines = new ArrayList<>();
        if (links.title() != null && !links.title().isBlank()) {
            lines.add(Sections.bold(links.title()));
        }
        for (Block.Link link : links.links()) {
            String note = link.note() == null || link.note().isBlank() ? "" : " — " + SlackMarkdown.escape(link.note().strip());
            lines.add("• " + target(link) + note);
        }
        return Sections.of(String.join("\n", lines));
    }

    private static String target(Block.Link link) {
        if (link.url() == null || link.url().isBlank()) {
            return SlackMarkdown.escape(link.title());
        }
        return SlackMarkdown.link(link.url(), link.title());
    }
}
