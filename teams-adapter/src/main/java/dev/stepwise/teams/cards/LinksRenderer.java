package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

// Links as a bulleted list of markdown links, one TextBlock per link, each with its note after a dash. Only http(s)
// urls become links; any other url is shown as text beside the title.
final class LinksRenderer {

    private LinksRenderer() {
    }

    static List<ObjectNode> render(Block.Links links, Shrink shrink) {
        List<ObjectNode> elements = new ArrayList<>();
        if (Elements.present(links.title())) {
            elements.add(Elements.textBlock(shrink.markdown(TeamsMarkdown.card(links.title()))).put("weight", "Bolder"));
        }
        List<Block.Link> shown = links.links().stream()
                .filter(l -> Elements.present(l.title()) || Elements.present(l.url())).toList();
        List<Block.Link> kept = shrink.list(shown);
        for (Block.Link link : kept) {
            String note = Elements.present(link.note()) ? " \u2014 " + TeamsMarkdown.card(link.note()) : "";
            ObjectNode line = Elements.textBlock(shrink.markdown("- " + TeamsMarkdown.link(link.title(), link.url()) + note));
            if (!elements.isEmpty()) {
                line.put("spacing", "Small");
            }
            elements.add(line);
        }
        int missing = shown.size() - kept.size();
        if (missing > 0) {
            elements.add(Elements.subtle("\u2026and " + missing + (missing == 1 ? " more link." : " more links.")));
        }
        return elements;
    }
}
