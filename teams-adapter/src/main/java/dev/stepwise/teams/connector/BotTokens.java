package dev.stepwise.teams.connector;

/**
 * Bearer tokens that the Bot Connector accepts from this bot.
 */
public interface BotTokens {

    /** A token valid for at least a few more minutes; fetched when none is cached. */
    String accessToken();

    /**
     * The Bot Connector rejected this token (401): the next {@link #accessToken()} must not return it again.
     * A token other than the one cached is ignored, so concurrent rejections cause one refresh.
     */
    void invalidate(String rejectedToken);
}
