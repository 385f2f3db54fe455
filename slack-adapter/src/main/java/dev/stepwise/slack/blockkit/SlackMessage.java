package dev.stepwise.slack.blockkit;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One Slack message: at most 50 blocks, and {@code text}, the escaped plain-text fallback Slack shows in
 * notifications, at most 3000 characters.
 */
public record SlackMessage(List<LayoutBlock> blocks, String text) {

    public SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
