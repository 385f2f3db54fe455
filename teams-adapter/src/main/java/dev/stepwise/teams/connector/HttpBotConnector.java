package dev.stepwise.teams.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector REST API over the JDK's HTTP client.
 *
 * <p>Retries: {@code 429} and {@code 5xx} answers are retried with backoff, never sooner than {@code Retry-After}
 * says, within {@link RetryPolicy}; a {@code 401} fetches a new token and tries once more; other {@code 4xx}
 * answers fail at once. Failures before the request left (connection refused, connect timeout) are retried
 * for every call. A timeout or broken connection <em>after</em> the request was sent is retried only for reads
 * and updates: a POSTed activity may already have been delivered, and posting it again would show the user the
 * same message twice, so such a send fails with code {@code timeout} or {@code broken} instead.
 */
public final class HttpBotConnector implements BotConnector {

    private static final Logger log = LoggerFactory.getLogger(HttpBotConnector.class);
    /** Teams' error code for someone who isn't in the conversation (the SDK samples test for it, not the status). */
    private static final String MEMBER_NOT_FOUND = "MemberNotFoundInConversation";

    private final HttpClient http;
    private final BotTokens tokens;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param http  should have a connect timeout; redirects are not needed
     * @param clock the application's clock, to read a {@code Retry-After} given as a date
     */
    public HttpBotConnector(HttpClient http, BotTokens tokens, Clock clock) {
        this(http, tokens, RetryPolicy.DEFAULT, clock, Sleeper.SYSTEM);
    }

    public HttpBotConnector(HttpClient http, BotTokens tokens, RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String send(String serviceUrl, String conversationId, Activity activity) {
        URI uri = ConnectorUris.v3(serviceUrl, "conversations", conversationId, "activities");
        return id(call(Call.post(uri, ConnectorJson.write(activity))));
    }

    @Override
    public String reply(String serviceUrl, String conversationId, String replyToId, Activity activity) {
        URI uri = ConnectorUris.v3(serviceUrl, "conversations", conversationId, "activities", replyToId);
        return id(call(Call.post(uri, ConnectorJson.write(activity))));
    }

    @Override
    public void update(String serviceUrl, String conversationId, String activityId, Activity activity) {
        URI uri = ConnectorUris.v3(serviceUrl, "conversations", conversationId, "activities", activityId);
        ObjectNode body = (ObjectNode) ConnectorJson.read(ConnectorJson.write(activity));
        if (!body.hasNonNull("id")) {
            body.put("id", activityId);
        }
        call(Call.put(uri, body.toString()));
    }

    @Override
    public String createPersonalConversation(String serviceUrl, String tenantId, String botId, String userId) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(botId));
        parameters.setMembers(List.of(new ChannelAccount(userId)));
        parameters.setTenantId(tenantId);
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(tenantId));
        parameters.setChannelData(channelData);
        URI uri = ConnectorUris.v3(serviceUrl, "conversations");
        // Teams answers with the same conversation each time for one bot and user, and no activity is sent, so
        // repeating this after a timeout is harmless.
        String id = id(call(Call.idempotentPost(uri, ConnectorJson.write(parameters))));
        if (id == null) {
            throw new BotConnectorException(200, null, "The Bot Connector created a conversation but sent no id");
        }
        return id;
    }

    @Override
    public Optional<TeamsMember> member(String serviceUrl, String conversationId, String userId) {
        URI uri = ConnectorUris.v3(serviceUrl, "conversations", conversationId, "members", userId);
        HttpResponse<String> response;
        try {
            response = call(Call.get(uri));
        } catch (BotConnectorException e) {
            if (e.status() == 404 || MEMBER_NOT_FOUND.equalsIgnoreCase(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        TeamsChannelAccount account =
                ConnectorJson.read(ConnectorJson.read(response.body()), TeamsChannelAccount.class);
        if (account == null || account.getId() == null) {
            return Optional.empty();
        }
        return Optional.of(new TeamsMember(account.getId(), account.getAadObjectId(), account.getName(),
                account.getEmail(), account.getUserPrincipalName()));
    }

    private static String id(HttpResponse<String> response) {
        JsonNode id = ConnectorJson.read(response.body()).path("id");
        return id.isTextual() ? id.asText() : null;
    }

    /** One call with its retries: answers a 2xx response, or throws. */
    private HttpResponse<String> call(Call call) {
        Duration waited = Duration.ZERO;
        boolean tokenRenewed = false;
        int attempt = 1;
        while (true) {
            String token = tokens.accessToken();
            BotConnectorException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(call.request(token, policy.requestTimeout()),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response;
                }
                failure = error(call, response);
                if (status == 401 && !tokenRenewed) {
                    tokens.invalidate(token);
                    tokenRenewed = true;
                    continue;
                }
                if (status != 429 && status < 500) {
                    throw failure;
                }
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        clock.instant());
            } catch (HttpConnectTimeoutException | ConnectException notSent) {
                failure = noAnswer(call, "unreachable", notSent);
            } catch (HttpTimeoutException timedOut) {
                failure = noAnswer(call, "timeout", timedOut);
                if (!call.idempotent) {
                    throw failure;
                }
            } catch (IOException broken) {
                failure = noAnswer(call, "broken", broken);
                if (!call.idempotent) {
                    throw failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw noAnswer(call, "interrupted", e);
            }
            Duration delay = policy.delayAfter(attempt, retryAfter);
            if (attempt >= policy.maxAttempts() || waited.plus(delay).compareTo(policy.maxTotalWait()) > 0) {
                throw new BotConnectorException(failure.status(), failure.code(),
                        failure.getMessage() + " (gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                                + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s") + ")",
                        failure.getCause());
            }
            log.warn("{}; retry {} of {} in {} ms", failure.getMessage(), attempt, policy.maxAttempts() - 1,
                    delay.toMillis());
            sleep(call, delay);
            waited = waited.plus(delay);
            attempt++;
        }
    }

    private void sleep(Call call, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noAnswer(call, "interrupted", e);
        }
    }

    private static BotConnectorException error(Call call, HttpResponse<String> response) {
        JsonNode error = ConnectorJson.read(response.body()).path("error");
        String code = error.path("code").asText(null);
        String message = error.path("message").asText(null);
        return new BotConnectorException(response.statusCode(), code, "Bot Connector answered "
                + response.statusCode() + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message)
                + " to " + call);
    }

    private static BotConnectorException noAnswer(Call call, String code, Exception cause) {
        String what = switch (code) {
            case "timeout" -> "No answer in time";
            case "broken" -> "Connection broke";
            case "interrupted" -> "Interrupted";
            default -> "Couldn't connect";
        };
        return new BotConnectorException(BotConnectorException.NO_ANSWER, code,
                what + " for " + call + " (" + cause.getClass().getSimpleName() + ")", cause);
    }

    /** A request to repeat: what it is and whether repeating it after an unknown outcome is harmless. */
    private record Call(String method, URI uri, String body, boolean idempotent) {

        static Call get(URI uri) {
            return new Call("GET", uri, null, true);
        }

        static Call put(URI uri, String body) {
            return new Call("PUT", uri, body, true);
        }

        static Call post(URI uri, String body) {
            return new Call("POST", uri, body, false);
        }

        static Call idempotentPost(URI uri, String body) {
            return new Call("POST", uri, body, true);
        }

        HttpRequest request(String token, Duration timeout) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body == null) {
                return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
            }
            return builder.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }
}
