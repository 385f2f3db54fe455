package dev.stepwise.slack.webapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Token buckets keyed by workspace (a hash of the bot token, never the token) and method, plus method and channel
 * for channel-paced methods. A caller reserves a slot and then waits for it on its own thread; a 429 holds the
 * buckets back for everyone.
 */
final class Pacer {

    record Key(String workspace, String method, String channel) {
    }

    /** {@code delay} is how long to wait before calling; when not granted, how long it would have been. */
    record Reservation(boolean granted, Duration delay) {
    }

    private static final int SWEEP_EVERY = 1024;

    private final PacingRates rates;
    private final Ticker ticker;
    private final Map<Key, TokenBucket> buckets = new HashMap<>();
    private int reservationsSinceSweep;

    Pacer(PacingRates rates, Ticker ticker) {
        this.rates = rates;
        this.ticker = ticker;
    }

    /**
     * The buckets a call must pass, most specific first: the caller waits for a slot in each in turn, so a slot in
     * the shared method bucket is only taken once the channel's turn has come, and a burst into one channel does
     * not use up the method's slots ahead of other channels.
     */
    List<Key> keysFor(String token, String method, String channel) {
        String workspace = workspaceOf(token);
        Key methodKey = new Key(workspace, method, null);
        if (channel != null && rates.pacedPerChannel(method)) {
            return List.of(new Key(workspace, method, channel), methodKey);
        }
        return List.of(methodKey);
    }

    /** Reserves the next slot in {@code key}'s bucket, unless it comes after {@code deadline} (on the ticker). */
    synchronized Reservation reserve(Key key, long deadline) {
        long now = ticker.nanos();
        TokenBucket bucket = bucket(key, now);
        long at = bucket.earliest(now);
        Duration delay = Duration.ofNanos(at - now);
        if (at - deadline > 0) {
            return new Reservation(false, delay);
        }
        bucket.take(at);
        if (++reservationsSinceSweep >= SWEEP_EVERY) {
            reservationsSinceSweep = 0;
            buckets.values().removeIf(b -> b.idle(now));
        }
        return new Reservation(true, delay);
    }

    /** After a 429: no call on these buckets before {@code retryAfter} from now. */
    synchronized void holdBack(List<Key> keys, Duration retryAfter) {
        long now = ticker.nanos();
        for (Key key : keys) {
            bucket(key, now).holdUntil(now + retryAfter.toNanos());
        }
    }

    private TokenBucket bucket(Key key, long now) {
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rateFor(k), now));
    }

    private PacingRates.Rate rateFor(Key key) {
        return key.channel() == null ? rates.forMethod(key.method()) : rates.perChannel();
    }

    static String workspaceOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
