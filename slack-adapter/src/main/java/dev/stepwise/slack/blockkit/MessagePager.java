package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.BLOCKS_PER_MESSAGE;

import com.slack.api.model.block.LayoutBlock;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.PlainText;
import java.util.ArrayList;
import java.util.List;

// Spreads rendered blocks over messages of at most 50 blocks, in order. A neutral block's Slack blocks start a new
// message rather than straddle two when they fit in one; each message's fallback text covers the neutral blocks it
// shows.
final class MessagePager {

    private final List<SlackMessage> messages = new ArrayList<>();
    private List<LayoutBlock> blocks = new ArrayList<>();
    private List<Block> sources = new ArrayList<>();

    static List<SlackMessage> page(List<Block> neutralBlocks) {
        MessagePager pager = new MessagePager();
        neutralBlocks.forEach(block -> pager.add(block, BlockRenderer.render(block)));
        pager.flush();
        return List.copyOf(pager.messages);
    }

    private void add(Block source, List<LayoutBlock> rendered) {
        if (!blocks.isEmpty() && rendered.size() <= BLOCKS_PER_MESSAGE
                && blocks.size() + rendered.size() > BLOCKS_PER_MESSAGE) {
            flush();
        }
        for (LayoutBlock block : rendered) {
            if (blocks.size() == BLOCKS_PER_MESSAGE) {
                flush();
            }
            if (sources.isEmpty() || sources.getLast() != source) {
                sources.add(source);
            }
            blocks.add(block);
        }
    }

    private void flush() {
        if (!blocks.isEmpty()) {
            messages.add(new SlackMessage(blocks, fallback(sources)));
        }
        blocks = new ArrayList<>();
        sources = new ArrayList<>();
    }

    static String fallback(List<Block> sources) {
        return Ellipsis.mrkdwn(SlackMarkdown.escape(PlainText.of(sources)), BlockKitLimits.FALLBACK_TEXT);
    }
}
