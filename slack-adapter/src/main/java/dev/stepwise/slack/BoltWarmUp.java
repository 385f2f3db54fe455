package dev.stepwise.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fills Bolt's auth.test cache before the web server takes its first request (single-workspace mode). Bolt 1.51.0
 * calls auth.test when the app starts but doesn't count that answer as fresh, so every request arriving before a
 * later auth.test has answered calls it again, on its request thread and without a lock: a burst at start-up waits
 * a Slack round trip per request and sends Slack one auth.test each (docs/benchmarks/slack-ack.md). One request that
 * no listener handles, run through the app here, leaves the cache fresh for its expiry.
 */
final class BoltWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BoltWarmUp.class);
    private static final String UNHANDLED_EVENT = "{\"type\":\"event_callback\",\"team_id\":\"T0WARMUP\","
            + "\"api_app_id\":\"A0WARMUP\",\"event\":{\"type\":\"stepwise_warm_up\"},\"event_id\":\"Ev0WARMUP\",\"event_time\":0}";

    private final App app;

    BoltWarmUp(App app) {
        this.app = app;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (app.config().getSingleTeamBotToken() == null) {
            return; // multi-workspace: one cache entry per installed token, filled by that workspace's first request
        }
        try {
            Response response = app.run(new EventRequest(UNHANDLED_EVENT, new RequestHeaders(Map.of())));
            log.debug("Bolt warmed up: auth.test cached ({})", response.getStatusCode());
        } catch (Exception failure) {
            log.warn("Couldn't warm up Bolt's auth.test cache ({}); the first requests will call auth.test themselves",
                    failure.getMessage());
        }
    }
}
