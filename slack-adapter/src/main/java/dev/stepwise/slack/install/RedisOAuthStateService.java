package dev.stepwise.slack.install;

import com.slack.api.bolt.service.OAuthStateService;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Bolt's OAuth {@code state} parameters in Redis: each issued state is a random 256-bit URL-safe value kept under
 * {@code stepwise:slack:oauth-state:<state>} until it is consumed or its time to live (10 minutes by default)
 * runs out. Bolt also puts the state in a cookie and accepts a callback only when both match.
 */
public class RedisOAuthStateService implements OAuthStateService {

    private static final String KEY_PREFIX = "stepwise:slack:oauth-state:";
    private static final int STATE_BYTES = 32;
    private static final int MAX_STATE_LENGTH = 64;

    private final StatefulRedisConnection<String, String> redis;
    private final Duration timeToLive;
    private final SecureRandom random = new SecureRandom();

    public RedisOAuthStateService(StatefulRedisConnection<String, String> redis) {
        this(redis, Duration.ofSeconds(DEFAULT_EXPIRATION_IN_SECONDS));
    }

    public RedisOAuthStateService(StatefulRedisConnection<String, String> redis, Duration timeToLive) {
        if (timeToLive.toMillis() <= 0) {
            throw new IllegalArgumentException("An OAuth state must live for at least a millisecond");
        }
        this.redis = redis;
        this.timeToLive = timeToLive;
    }

    @Override
    public String generateNewStateValue() {
        byte[] state = new byte[STATE_BYTES];
        random.nextBytes(state);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state);
    }

    /** The cookie's lifetime: the time to live, rounded up to whole seconds. */
    @Override
    public long getExpirationInSeconds() {
        return Math.ceilDiv(timeToLive.toMillis(), 1000);
    }

    @Override
    public void addNewStateToDatastore(String state) {
        redis.sync().set(KEY_PREFIX + state, "issued", SetArgs.Builder.px(timeToLive.toMillis()));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        if (state == null || state.isBlank() || state.length() > MAX_STATE_LENGTH) {
            return false;
        }
        return redis.sync().exists(KEY_PREFIX + state) == 1;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        if (state != null) {
            redis.sync().del(KEY_PREFIX + state);
        }
    }
}
