package dev.stepwise.slack.blockkit;

// Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit/...), in Java chars: counting UTF-16 units
// is never less than counting code points, so staying within them stays within Slack's.
final class BlockKitLimits {

    static final int BLOCKS_PER_MESSAGE = 50;
    static final int BLOCKS_PER_VIEW = 100;
    static final int SECTION_TEXT = 3000;
    static final int SECTION_FIELDS = 10;
    static final int SECTION_FIELD_TEXT = 2000;
    static final int CONTEXT_TEXT = 3000;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2000;
    static final int ACTION_ID = 255;
    static final int BLOCK_ID = 255;
    static final int ACTIONS_ELEMENTS = 25;
    static final int SELECT_OPTIONS = 100;
    static final int OPTION_GROUPS = 100;
    static final int OPTION_TEXT = 75;
    static final int OPTION_VALUE = 150;
    static final int PLACEHOLDER = 150;
    static final int VIEW_TITLE = 24;
    static final int VIEW_BUTTON = 24;
    static final int INPUT_LABEL = 2000;
    static final int INPUT_HINT = 2000;
    static final int INPUT_MAX_LENGTH = 3000;
    static final int CALLBACK_ID = 255;
    static final int PRIVATE_METADATA = 3000;
    // Slack truncates a message's text at 40,000 characters; a notification preview needs far less.
    static final int FALLBACK_TEXT = 3000;
    // Up to this many choices are shown as buttons; more that share an action id become a select menu.
    static final int MAX_BUTTONS_BEFORE_MENU = 5;

    private BlockKitLimits() {
    }
}
