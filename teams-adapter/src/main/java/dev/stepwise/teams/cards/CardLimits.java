package dev.stepwise.teams.cards;

// Teams' limits for bot messages, with headroom. Teams refuses a message larger than about 28 KB, counting the whole
// activity (card, summary, addresses, channel data); the budgets below leave room for everything around the card.
final class CardLimits {

    /** Serialized card, UTF-8 bytes. */
    static final int CARD_BYTES = 22_000;
    /** A message sent as markdown text without a card, UTF-8 bytes. */
    static final int TEXT_MESSAGE_BYTES = 24_000;
    /** The plain-text summary sent beside a card (notifications, previews), UTF-8 bytes. */
    static final int SUMMARY_BYTES = 1_000;
    /** The card's own {@code fallbackText} (clients that cannot show Adaptive Cards 1.5), in chars. */
    static final int CARD_FALLBACK_TEXT = 300;
    /** Teams shows at most six actions side by side in one action set; the rest go to an overflow menu. */
    static final int ACTIONS_PER_SET = 6;
    /** More choices than this become a menu when a row's worth of them share an action id. */
    static final int MAX_BUTTONS = 6;
    /**
     * Button titles, input labels and option titles, in chars: a guard on the card's size only, above any title the
     * core writes (objective titles are at most 200), since long choices are shown wrapping, whole.
     */
    static final int LABEL = 300;
    /** When a card is too big, no text is shortened below this many chars before lists are shortened. */
    static final int MIN_TEXT = 80;
    /** Teams refreshes a card automatically for at most 60 users. */
    static final int REFRESH_USER_IDS = 60;

    private CardLimits() {
    }
}
