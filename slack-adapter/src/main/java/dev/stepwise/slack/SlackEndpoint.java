package dev.stepwise.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's one request URL for events, slash commands, interactivity and options, plus the OAuth install
 * pages. The raw body is verified before it is parsed (401 for a missing, bad or stale signature; 400 for a
 * verified body that isn't a Slack payload); then Bolt dispatches it to the handlers, which acknowledge at once.
 */
@RestController
public class SlackEndpoint {

    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);
    private static final int MAX_BODY = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;
    private final SlackRequestVerifier verifier;
    private final java.util.function.BooleanSupplier overloaded;

    /** @param overloaded true while no more work can be queued: Slack is then asked to retry (503) */
    public SlackEndpoint(App app, SlackRequestVerifier verifier, java.util.function.BooleanSupplier overloaded) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
        this.overloaded = overloaded;
    }

    @PostMapping("/slack/events")
    public ResponseEntity<String> events(HttpServletRequest servletRequest) throws IOException {
        byte[] raw = readBody(servletRequest);
        if (raw == null) {
            return problem(413, "That request is too large for Slack's request URL.");
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = headers(servletRequest);
        SlackRequestVerifier.Verdict verdict = verifier.verify(first(headers, "x-slack-request-timestamp"),
                first(headers, "x-slack-signature"), body);
        if (verdict != SlackRequestVerifier.Verdict.VALID) {
            log.info("Refused a Slack request from {}: {}", servletRequest.getRemoteAddr(), verdict);
            return problem(401, switch (verdict) {
                case MISSING -> "This endpoint only accepts signed requests from Slack.";
                case STALE -> "The request's timestamp is outside the replay window.";
                default -> "The request's signature doesn't match.";
            });
        }
        Request<?> request = parse(servletRequest, Map.of(), headers, body);
        if (request == null) {
            log.info("Refused a signed Slack request whose body isn't a Slack payload");
            return problem(400, "That isn't a Slack payload this app understands.");
        }
        if (overloaded.getAsBoolean() && request.getRequestType() != com.slack.api.bolt.request.RequestType.UrlVerification) {
            // Better than acknowledging work that can't be done: Slack retries events, and tells the person otherwise.
            return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"Stepwise is very busy right now; please try again in a moment.\"}");
        }
        return run(request);
    }

    /** The OAuth install and redirect pages (multi-workspace mode): no signature, Bolt checks the OAuth state. */
    @GetMapping({"${stepwise.slack.install-path:/slack/install}", "${stepwise.slack.redirect-path:/slack/oauth_redirect}"})
    public ResponseEntity<String> oauth(HttpServletRequest servletRequest) {
        if (!app.config().isOAuthStartEnabled() && !app.config().isOAuthCallbackEnabled()) {
            return problem(404, "This app is installed with a bot token; there is nothing to install here.");
        }
        Map<String, List<String>> query = new HashMap<>();
        servletRequest.getParameterMap().forEach((name, values) -> query.put(name, List.of(values)));
        Request<?> request = parse(servletRequest, query, headers(servletRequest), "");
        return request == null ? problem(404, "Not found.") : run(request);
    }

    private Request<?> parse(HttpServletRequest servletRequest, Map<String, List<String>> query,
                             Map<String, List<String>> headers, String body) {
        try {
            return parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(servletRequest.getRequestURI())
                    .queryString(query)
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(servletRequest.getRemoteAddr())
                    .build());
        } catch (RuntimeException unparseable) {
            log.debug("Unparseable Slack payload", unparseable);
            return null;
        }
    }

    private ResponseEntity<String> run(Request<?> request) {
        try {
            Response response = app.run(request);
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.getStatusCode());
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            }
            if (response.getContentType() != null) {
                builder.header(HttpHeaders.CONTENT_TYPE, response.getContentType());
            }
            return builder.body(response.getBody() == null ? "" : response.getBody());
        } catch (Exception failure) {
            log.error("Slack request failed while being dispatched", failure);
            return problem(500, "Something went wrong on our side.");
        }
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static ResponseEntity<String> problem(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"" + message.replace("\"", "'") + "\"}");
    }
}
