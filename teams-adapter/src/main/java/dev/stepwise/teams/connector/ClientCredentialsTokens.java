package dev.stepwise.teams.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bot Connector tokens from Microsoft Entra's OAuth 2.0 client-credentials grant with the bot's client secret
 * (single- or multi-tenant registration: the endpoint decides). A token is reused until five minutes before it
 * expires; when a new one is due, one caller fetches it and concurrent callers wait for that same answer.
 * Neither the secret nor tokens are ever logged or put in exception messages.
 */
public final class ClientCredentialsTokens implements BotTokens {

    static final String SCOPE = "https://api.botframework.com/.default";
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokens.class);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String appId;
    private final String appPassword;
    private final Clock clock;
    private final AtomicReference<Token> cached = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Token>> inFlight = new AtomicReference<>();

    /**
     * @param tokenEndpoint e.g. {@code https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token}
     *                      (multi-tenant) or {@code …/<tenant id>/oauth2/v2.0/token} (single-tenant)
     */
    public ClientCredentialsTokens(HttpClient http, URI tokenEndpoint, String appId, String appPassword,
                                   Clock clock) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.appId = required(appId, "appId (the bot's Microsoft App ID)");
        this.appPassword = required(appPassword, "appPassword (the bot's client secret)");
        this.clock = clock;
        if (tokenEndpoint == null) {
            throw new IllegalArgumentException("A token endpoint is required to send to Teams");
        }
    }

    @Override
    public String accessToken() {
        Token token = cached.get();
        if (token != null && token.usableAt(clock.instant())) {
            return token.value();
        }
        return refresh().value();
    }

    @Override
    public void invalidate(String rejectedToken) {
        Token token = cached.get();
        if (token != null && token.value().equals(rejectedToken)) {
            cached.compareAndSet(token, null);
        }
    }

    private Token refresh() {
        CompletableFuture<Token> mine = new CompletableFuture<>();
        CompletableFuture<Token> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Token token = cached.get();
            if (token == null || !token.usableAt(clock.instant())) {
                token = fetch();
                cached.set(token);
            }
            mine.complete(token);
            return token;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.set(null);
        }
    }

    private static Token await(CompletableFuture<Token> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BotConnectorException failure) {
                throw new BotConnectorException(failure.status(), failure.code(), failure.getMessage(), failure);
            }
            throw e;
        }
    }

    private Token fetch() {
        Instant requestedAt = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BotConnectorException(BotConnectorException.NO_ANSWER, "unreachable",
                    failure() + "the endpoint didn't answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotConnectorException(BotConnectorException.NO_ANSWER, "interrupted",
                    failure() + "interrupted", e);
        }
        JsonNode answer = ConnectorJson.read(response.body());
        String accessToken = answer.path("access_token").asText("");
        if (response.statusCode() != 200 || accessToken.isEmpty()) {
            String error = answer.path("error").asText(null);
            String description = answer.path("error_description").asText("no error description")
                    .replaceAll("\\s+", " ");
            throw new BotConnectorException(response.statusCode(), error, redact(failure() + "HTTP "
                    + response.statusCode() + (error == null ? "" : " " + error) + ": " + description));
        }
        long lifetime = Math.max(0, answer.path("expires_in").asLong(0));
        Duration margin = Duration.ofSeconds(Math.min(REFRESH_MARGIN.toSeconds(), lifetime / 2));
        log.debug("Got a Bot Connector token for app {}, valid for {} s", appId, lifetime);
        return new Token(accessToken, requestedAt.plusSeconds(lifetime).minus(margin));
    }

    private String form() {
        return "grant_type=client_credentials"
                + "&client_id=" + urlEncoded(appId)
                + "&client_secret=" + urlEncoded(appPassword)
                + "&scope=" + urlEncoded(SCOPE);
    }

    private String failure() {
        return "Couldn't get a Bot Connector token for app " + appId + " from " + tokenEndpoint + ": ";
    }

    /** In case an endpoint (or a proxy in front of it) echoes the request. */
    private String redact(String message) {
        return message.replace(appPassword, "[secret]").replace(urlEncoded(appPassword), "[secret]");
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required to send to Teams");
        }
        return value;
    }

    private record Token(String value, Instant refreshAt) {

        boolean usableAt(Instant now) {
            return now.isBefore(refreshAt);
        }
    }
}
