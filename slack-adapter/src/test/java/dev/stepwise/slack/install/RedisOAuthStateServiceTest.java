package dev.stepwise.slack.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import dev.stepwise.core.testing.RealServers;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisOAuthStateServiceTest {

    private final StatefulRedisConnection<String, String> redis = RealServers.get().connectRedis();
    private final RedisOAuthStateService states = new RedisOAuthStateService(redis);

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void anIssuedStateIsAcceptedOnceThroughBoltsCookieAndQueryChecks() throws Exception {
        Response installPage = new Response();
        String state = states.issueNewState(null, installPage);
        String cookie = installPage.getHeaders().get("Set-Cookie").getFirst();
        assertThat(cookie).startsWith("slack-app-oauth-state=" + state + ";").contains("Max-Age=600");
        OAuthCallbackRequest callback = callback(state, "slack-app-oauth-state=" + state);

        assertThat(states.isValid(callback)).isTrue();
        assertThat(states.isValid(callback)).as("checking has no side effects").isTrue();
        states.consume(callback, new Response());

        assertThat(states.isValid(callback)).isFalse();
        assertThat(states.isAvailableInDatabase(state)).isFalse();
    }

    @Test
    void unknownOrMismatchedStatesAreRejected() throws Exception {
        String issued = states.issueNewState(null, new Response());

        assertThat(states.isAvailableInDatabase(states.generateNewStateValue())).isFalse();
        assertThat(states.isAvailableInDatabase(null)).isFalse();
        assertThat(states.isAvailableInDatabase("")).isFalse();
        assertThat(states.isValid(callback(issued, "slack-app-oauth-state=" + states.generateNewStateValue())))
                .as("another browser's cookie").isFalse();
        String forged = states.generateNewStateValue();
        assertThat(states.isValid(callback(forged, "slack-app-oauth-state=" + forged))).as("never issued").isFalse();
        assertThat(states.isAvailableInDatabase(issued)).isTrue();
    }

    @Test
    void aStateExpiresAfterItsTimeToLive() throws Exception {
        var shortLived = new RedisOAuthStateService(redis, Duration.ofMillis(300));
        String state = shortLived.generateNewStateValue();
        shortLived.addNewStateToDatastore(state);
        assertThat(shortLived.isAvailableInDatabase(state)).isTrue();
        assertThat(shortLived.getExpirationInSeconds()).isEqualTo(1);

        Thread.sleep(700);

        assertThat(shortLived.isAvailableInDatabase(state)).isFalse();
    }

    @Test
    void statesLiveTenMinutesByDefault() throws Exception {
        String state = states.issueNewState(null, new Response());

        assertThat(redis.sync().pttl("stepwise:slack:oauth-state:" + state)).isBetween(590_000L, 600_000L);
        assertThat(states.getExpirationInSeconds()).isEqualTo(600);
    }

    @Test
    void statesAreRandomUrlSafeAndAtLeast128Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String state = states.generateNewStateValue();
            assertThat(state).matches("[A-Za-z0-9_-]{43}");
            seen.add(state);
        }
        assertThat(seen).hasSize(1000);
    }

    private static OAuthCallbackRequest callback(String state, String cookie) {
        return new OAuthCallbackRequest(Map.of("state", List.of(state), "code", List.of("123.456.abc")), "", null,
                new RequestHeaders(Map.of("Cookie", List.of(cookie))));
    }
}
