package dev.stepwise.slack.blockkit;

import java.util.regex.Pattern;

/**
 * Slack wants every {@code action_id} unique within its block, while the core often gives several choices the same
 * action id with different values. Each element's Slack action id is therefore {@code <coreActionId>#<index>}.
 */
public final class ActionIds {

    private static final Pattern INDEX_SUFFIX = Pattern.compile("#\\d+$");

    private ActionIds() {
    }

    /**
     * The Slack action id for the element at {@code index}.
     *
     * @throws IllegalArgumentException if the result would exceed Slack's 255 characters
     */
    public static String encode(String coreActionId, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
        return Intact.require(coreActionId + "#" + index, BlockKitLimits.ACTION_ID, "action id");
    }

    /** The core action id behind a Slack action id: a trailing {@code #digits} is removed, anything else kept. */
    public static String decode(String slackActionId) {
        return slackActionId == null ? null : INDEX_SUFFIX.matcher(slackActionId).replaceFirst("");
    }
}
