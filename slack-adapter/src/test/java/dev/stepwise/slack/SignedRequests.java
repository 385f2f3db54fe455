package dev.stepwise.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Posts to the adapter's request URL exactly as Slack does: signed with the signing secret at the time on the
 * application's clock (so inside its replay window whatever the base instant), or deliberately not.
 */
public final class SignedRequests {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final Clock clock;

    /** @param clock the application's clock */
    public SignedRequests(int port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    /** Now on the application's clock, in seconds, as Slack puts it in {@code X-Slack-Request-Timestamp}. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    public HttpResponse<String> json(String body) {
        return post(body, "application/json", now(), null, true);
    }

    public HttpResponse<String> jsonRetry(String body, int retryNum) {
        return post(body, "application/json", now(), retryNum, true);
    }

    /** Interactivity: {@code payload=<json>} form-encoded. */
    public HttpResponse<String> interaction(String payloadJson) {
        return form("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8));
    }

    public HttpResponse<String> form(String body) {
        return post(body, "application/x-www-form-urlencoded", now(), null, true);
    }

    public HttpResponse<String> post(String body, String contentType, long timestamp, Integer retryNum, boolean sign) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (sign) {
            String ts = Long.toString(timestamp);
            request.header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", new SlackSignature.Generator(SIGNING_SECRET).generate(ts, body));
        }
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return send(request.build());
    }

    public HttpResponse<String> raw(HttpRequest request) {
        return send(request);
    }

    public int port() {
        return port;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
