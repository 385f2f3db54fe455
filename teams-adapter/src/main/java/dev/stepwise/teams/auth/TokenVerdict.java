package dev.stepwise.teams.auth;

import java.time.Instant;

/** Outcome of checking one inbound request's Bot Framework token. */
public sealed interface TokenVerdict {

    /**
     * The token is genuine, current, meant for this bot and this activity.
     *
     * @param appId     the audience the token was issued for (this bot's app id)
     * @param expiresAt when the token stops being valid (without clock skew)
     */
    record Accepted(String appId, Instant expiresAt) implements TokenVerdict {
    }

    /**
     * The request must be answered with {@code status} and its activity not processed.
     *
     * @param status 401, or 403 when a genuine token's signing key is not endorsed for the activity's channel
     * @param reason why, for logs; never contains the token or other secret material
     */
    record Refused(int status, String reason) implements TokenVerdict {
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
