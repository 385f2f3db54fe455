package dev.stepwise.slack.webapi;

import com.slack.api.methods.Methods;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How fast calls may go out, per workspace (bot token): one bucket per Web API method, and for the methods in
 * {@code channelPacedMethods} one more per method and channel.
 *
 * @param perMethod rate per method name; methods not listed use {@code otherMethods}
 * @param otherMethods rate for methods not in {@code perMethod}
 * @param perChannel rate per method and channel for {@code channelPacedMethods}
 * @param channelPacedMethods methods paced per channel as well as per method
 */
public record PacingRates(Map<String, Rate> perMethod, Rate otherMethods, Rate perChannel,
                          Set<String> channelPacedMethods) {

    public PacingRates {
        perMethod = Map.copyOf(perMethod);
        Objects.requireNonNull(otherMethods, "otherMethods");
        Objects.requireNonNull(perChannel, "perChannel");
        channelPacedMethods = Set.copyOf(channelPacedMethods);
    }

    /**
     * Slack's published figures (docs.slack.dev/apis/web-api/rate-limits; tiers as in the Java SDK's
     * {@code MethodsRateLimits}): Tier 2 = 20/min, Tier 3 = 50/min, Tier 4 = 100/min, with small bursts;
     * {@code chat.postMessage} is special: 1 message per second per channel, plus an unpublished workspace-wide
     * limit, left to Slack's 429s. Unlisted methods get the Tier 2 rate.
     */
    public static PacingRates slackDefaults() {
        Rate tier3 = Rate.perMinute(50, 5);
        Rate tier4 = Rate.perMinute(100, 10);
        return new PacingRates(
                Map.ofEntries(
                        Map.entry(Methods.CHAT_POST_MESSAGE, Rate.unpaced()),
                        Map.entry(Methods.CHAT_POST_EPHEMERAL, tier4),
                        Map.entry(Methods.CHAT_UPDATE, tier3),
                        Map.entry(Methods.CHAT_GET_PERMALINK, Rate.perMinute(600, 20)),
                        Map.entry(Methods.CONVERSATIONS_OPEN, tier3),
                        Map.entry(Methods.CONVERSATIONS_HISTORY, tier3),
                        Map.entry(Methods.CONVERSATIONS_REPLIES, tier3),
                        Map.entry(Methods.USERS_INFO, tier4),
                        Map.entry(Methods.VIEWS_OPEN, tier4),
                        Map.entry(Methods.VIEWS_PUSH, tier4),
                        Map.entry(Methods.VIEWS_UPDATE, tier4),
                        Map.entry(Methods.VIEWS_PUBLISH, tier4)),
                Rate.perMinute(20, 3),
                new Rate(1, Duration.ofSeconds(1), 1),
                Set.of(Methods.CHAT_POST_MESSAGE, Methods.CHAT_POST_EPHEMERAL, Methods.CHAT_UPDATE));
    }

    /** The same rates with every method (listed or not) at {@code rate}; handy for tests. */
    public static PacingRates uniform(Rate rate, Rate perChannel) {
        return new PacingRates(Map.of(), rate, perChannel, slackDefaults().channelPacedMethods());
    }

    Rate forMethod(String method) {
        return perMethod.getOrDefault(method, otherMethods);
    }

    boolean pacedPerChannel(String method) {
        return channelPacedMethods.contains(method);
    }

    /**
     * {@code permits} calls per {@code per}, of which up to {@code burst} may go back to back.
     * A zero {@code per} means unpaced (only Slack's 429s hold calls back).
     */
    public record Rate(int permits, Duration per, int burst) {

        public Rate {
            if (permits < 1 || burst < 1) {
                throw new IllegalArgumentException("permits and burst must be at least 1");
            }
            if (per.isNegative()) {
                throw new IllegalArgumentException("per must not be negative");
            }
        }

        public static Rate perMinute(int permits, int burst) {
            return new Rate(permits, Duration.ofMinutes(1), burst);
        }

        public static Rate unpaced() {
            return new Rate(1, Duration.ZERO, 1);
        }

        Duration interval() {
            return per.dividedBy(permits);
        }
    }
}
