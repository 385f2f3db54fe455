package dev.stepwise.slack.webapi;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.Methods;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.http.SlackHttpClient;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The outbound Slack Web API calls of the adapter, paced, retried and never duplicated. Every method takes the
 * workspace's bot token, blocks the calling thread (a worker, never a request thread) until done, and either
 * returns Slack's answer or throws {@link SlackCallFailed}. Tokens are never logged nor put in exceptions.
 *
 * <h2>Pacing</h2>
 * Before each attempt the caller waits for a slot in token buckets keyed by workspace (a hash of the token) and
 * method; for {@code chat.postMessage}, {@code chat.postEphemeral} and {@code chat.update} first in one keyed by
 * channel as well, so a burst into one channel is spaced out while other channels go on
 * ({@link PacingRates#slackDefaults()} for the figures). A 429 holds the method and channel back for
 * {@code Retry-After} for every caller. Pacing is per process: replicas each pace on their own.
 *
 * <h2>Waiting and retrying</h2>
 * All waits of one call (pacing, {@code Retry-After}, backoff) must end within {@link Settings#maxRetryWait()} of
 * its start; a wait that would not fails fast, as {@code rate_limited} (with {@link SlackCallFailed#retryAfter()})
 * or with the last error. At most {@link Settings#maxAttempts()} attempts are made. Failures are:
 * <ul>
 *   <li><b>final</b>: {@code ok:false} with any error but those below, or another 4xx; thrown at once;</li>
 *   <li><b>rate limited</b>: HTTP 429 (or {@code ok:false} {@code ratelimited}); Slack did not process the call, so
 *       it is always repeated after {@code Retry-After};</li>
 *   <li><b>not sent</b>: no connection could be made (refused, no route, unknown host); always repeated after
 *       exponential backoff with jitter;</li>
 *   <li><b>ambiguous</b>: HTTP 5xx, {@code ok:false} with {@code internal_error}, {@code fatal_error},
 *       {@code service_unavailable} or {@code request_timeout}, a timeout or any other I/O error once the request
 *       may have been sent. Slack may have carried the call out.</li>
 * </ul>
 *
 * <h2>No message sent twice</h2>
 * An ambiguous failure is repeated only where repeating cannot do harm:
 * <ul>
 *   <li>idempotent methods ({@code chat.update}, {@code conversations.open}, {@code views.update},
 *       {@code views.publish}, {@code users.info}, {@code chat.getPermalink}) are simply retried with backoff;</li>
 *   <li>{@code chat.postMessage} carries message metadata ({@code event_type} {@code stepwise_message},
 *       {@code event_payload.id} a fresh UUID, the same for every attempt). After an ambiguous failure, and
 *       a backoff pause, the message is looked for by that id in {@code conversations.history} (or
 *       {@code conversations.replies} for a thread reply) since shortly before the first attempt. Found: its
 *       {@code ts} is returned and nothing is posted again. Surely absent: it is posted again. Cannot tell (the
 *       look-up failed, e.g. a missing {@code *:history} scope, or too many newer messages): nothing is posted
 *       and {@code delivery_unknown} is thrown;</li>
 *   <li>{@code chat.postEphemeral}, {@code views.open} and {@code views.push} cannot be checked (ephemeral messages
 *       are not stored; trigger ids are single-use), so they are not repeated after an ambiguous failure; the
 *       exception says {@link SlackCallFailed#mayHaveTakenEffect()}.</li>
 * </ul>
 * The HTTP client's own silent retry on connection failure is switched off, so no request is re-sent behind
 * these rules. Post to channel ids ({@link #openDm} for a person), not user ids, so the look-up finds the message.
 */
public final class SlackWebApi implements AutoCloseable {

    /**
     * @param apiUrl the Web API base URL, ending in {@code /api/} (e.g. {@value #SLACK_API_URL})
     * @param maxRetryWait the longest one call may spend waiting (pacing, {@code Retry-After}, backoff) in all
     * @param maxAttempts attempts per call, the first included
     * @param initialBackoff the backoff after the first failed attempt; it doubles per attempt, with jitter
     * @param maxBackoff the longest single backoff
     * @param httpTimeout connect, read and write timeout of each HTTP request
     */
    public record Settings(String apiUrl, Duration maxRetryWait, int maxAttempts, Duration initialBackoff,
                           Duration maxBackoff, Duration httpTimeout, PacingRates pacing) {

        public static final String SLACK_API_URL = "https://slack.com/api/";

        public Settings {
            Objects.requireNonNull(apiUrl, "apiUrl");
            apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (maxRetryWait.isNegative() || initialBackoff.isNegative() || maxBackoff.isNegative()
                    || !httpTimeout.isPositive()) {
                throw new IllegalArgumentException("durations must not be negative, httpTimeout positive");
            }
            Objects.requireNonNull(pacing, "pacing");
        }

        /** 20 s of waiting, 4 attempts, backoff 0.5 s doubling up to 8 s, 10 s HTTP timeout, Slack's rates. */
        public static Settings defaults(String apiUrl) {
            return new Settings(apiUrl, Duration.ofSeconds(20), 4, Duration.ofMillis(500), Duration.ofSeconds(8),
                    Duration.ofSeconds(10), PacingRates.slackDefaults());
        }
    }

    private final Slack slack;
    private final SlackCallCounters counters = new SlackCallCounters();
    private final CallRunner runner;
    private final PostedMessageFinder finder;

    /**
     * Waits (pacing, {@code Retry-After}, backoff) on this machine's monotonic time, really sleeping.
     *
     * @param clock the application's clock: when a call's first attempt was made, to find its message at Slack
     */
    public SlackWebApi(Settings settings, Clock clock) {
        this(settings, clock, Ticker.system(), Sleeper.system());
    }

    /** With a ticker and sleeper of the caller's choosing (tests); both must agree on elapsed time. */
    public SlackWebApi(Settings settings, Clock clock, Ticker ticker, Sleeper sleeper) {
        this.slack = newSlack(settings);
        this.runner = new CallRunner(slack, new Pacer(settings.pacing(), ticker),
                new Backoff(settings.initialBackoff(), settings.maxBackoff()), counters, clock, ticker, sleeper,
                settings.maxAttempts(), settings.maxRetryWait());
        this.finder = new PostedMessageFinder(runner);
    }

    /**
     * Posts a message ({@code chat.postMessage}); a thread reply when {@code threadTs} is given.
     *
     * @param channel a channel id (C…, G… or D…)
     * @param threadTs the parent message's ts, or {@code null}
     * @param text the notification/fallback text
     * @param blocks Block Kit blocks, or {@code null}
     * @return the posted message's ts
     */
    public String postMessage(String token, String channel, String threadTs, String text,
                              List<LayoutBlock> blocks) {
        required(channel, "channel");
        String thread = blankToNull(threadTs);
        String id = UUID.randomUUID().toString();
        ChatPostMessageResponse response = runner.run(new CallRunner.Call<>(
                Methods.CHAT_POST_MESSAGE, token, channel, RetryMode.VERIFIED,
                client -> client.chatPostMessage(r -> r.channel(channel).threadTs(thread).text(text).blocks(blocks)
                        .metadata(PostedMessageFinder.metadata(id))),
                (firstAttempt, deadline) -> finder.find(token, channel, thread, id, firstAttempt, deadline)));
        return response.getTs();
    }

    /** Replaces a message's text and blocks ({@code chat.update}). */
    public void updateMessage(String token, String channel, String ts, String text, List<LayoutBlock> blocks) {
        required(channel, "channel");
        required(ts, "ts");
        runner.run(new CallRunner.Call<>(Methods.CHAT_UPDATE, token, channel, RetryMode.IDEMPOTENT,
                client -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)), null));
    }

    /**
     * Shows a message to one person in a channel ({@code chat.postEphemeral}).
     *
     * @param threadTs the thread to show it in, or {@code null}
     * @return the ephemeral message's ts
     */
    public String postEphemeral(String token, String channel, String userId, String threadTs, String text,
                                List<LayoutBlock> blocks) {
        required(channel, "channel");
        required(userId, "userId");
        String thread = blankToNull(threadTs);
        return runner.run(new CallRunner.Call<>(Methods.CHAT_POST_EPHEMERAL, token, channel, RetryMode.AT_MOST_ONCE,
                client -> client.chatPostEphemeral(r -> r.channel(channel).user(userId).threadTs(thread).text(text)
                        .blocks(blocks)), null)).getMessageTs();
    }

    /** Opens (or finds) the direct message channel with a person ({@code conversations.open}); returns its id. */
    public String openDm(String token, String userId) {
        required(userId, "userId");
        return runner.run(new CallRunner.Call<>(Methods.CONVERSATIONS_OPEN, token, null, RetryMode.IDEMPOTENT,
                client -> client.conversationsOpen(r -> r.users(List.of(userId))), null)).getChannel().getId();
    }

    /** Opens a modal ({@code views.open}); the trigger id is valid for 3 seconds and once only. */
    public View openView(String token, String triggerId, View view) {
        required(triggerId, "triggerId");
        return runner.run(new CallRunner.Call<>(Methods.VIEWS_OPEN, token, null, RetryMode.AT_MOST_ONCE,
                client -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)), null)).getView();
    }

    /** Pushes a modal onto the open modal stack ({@code views.push}). */
    public View pushView(String token, String triggerId, View view) {
        required(triggerId, "triggerId");
        return runner.run(new CallRunner.Call<>(Methods.VIEWS_PUSH, token, null, RetryMode.AT_MOST_ONCE,
                client -> client.viewsPush(r -> r.triggerId(triggerId).view(view)), null)).getView();
    }

    /**
     * Replaces an open modal ({@code views.update}).
     *
     * @param hash the view's hash to guard against a race, or {@code null}
     */
    public View updateView(String token, String viewId, String hash, View view) {
        required(viewId, "viewId");
        return runner.run(new CallRunner.Call<>(Methods.VIEWS_UPDATE, token, null, RetryMode.IDEMPOTENT,
                client -> client.viewsUpdate(r -> r.viewId(viewId).hash(blankToNull(hash)).view(view)), null))
                .getView();
    }

    /** Publishes a person's App Home ({@code views.publish}). */
    public View publishHome(String token, String userId, View view) {
        required(userId, "userId");
        return runner.run(new CallRunner.Call<>(Methods.VIEWS_PUBLISH, token, null, RetryMode.IDEMPOTENT,
                client -> client.viewsPublish(r -> r.userId(userId).view(view)), null)).getView();
    }

    /** Looks a person up ({@code users.info}). */
    public SlackUser userInfo(String token, String userId) {
        required(userId, "userId");
        User user = runner.run(new CallRunner.Call<>(Methods.USERS_INFO, token, null, RetryMode.IDEMPOTENT,
                client -> client.usersInfo(r -> r.user(userId)), null)).getUser();
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        String realName = user.getRealName() != null || user.getProfile() == null
                ? user.getRealName() : user.getProfile().getRealName();
        return new SlackUser(user.getId(), email, realName, user.getTz(), user.isDeleted(), user.isBot());
    }

    /** A message's permanent URL ({@code chat.getPermalink}). */
    public String permalink(String token, String channel, String ts) {
        required(channel, "channel");
        required(ts, "ts");
        return runner.run(new CallRunner.Call<>(Methods.CHAT_GET_PERMALINK, token, null, RetryMode.IDEMPOTENT,
                client -> client.chatGetPermalink(r -> r.channel(channel).messageTs(ts)), null)).getPermalink();
    }

    /** Calls, retries and 429s per method since this instance was made. */
    public SlackCallCounters counters() {
        return counters;
    }

    /** Releases the HTTP client's connections and threads. */
    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the Slack HTTP client", e);
        }
    }

    private static Slack newSlack(Settings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // Stats would resolve the team with an extra auth.test call per token; we count calls ourselves.
        config.setStatsEnabled(false);
        int timeoutMillis = Math.toIntExact(settings.httpTimeout().toMillis());
        config.setHttpClientReadTimeoutMillis(timeoutMillis);
        config.setHttpClientWriteTimeoutMillis(timeoutMillis);
        OkHttpClient okHttp = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .connectTimeout(settings.httpTimeout())
                .retryOnConnectionFailure(false)
                .build();
        SlackHttpClient httpClient = new SlackHttpClient(okHttp);
        httpClient.setConfig(config);
        return Slack.getInstance(config, httpClient);
    }

    private static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
