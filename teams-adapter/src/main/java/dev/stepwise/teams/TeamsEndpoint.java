package dev.stepwise.teams;

import dev.stepwise.teams.auth.BotFrameworkTokens;
import dev.stepwise.teams.auth.TokenVerdict;
import dev.stepwise.teams.inbound.ActivityJson;
import dev.stepwise.teams.inbound.TeamsActivities;
import dev.stepwise.teams.inbound.TeamsContext;
import dev.stepwise.teams.inbound.TeamsInvokes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bot's messaging endpoint. Every request's token is checked before anything else happens (401, or 403 for
 * a key not endorsed for the channel); invokes are answered in the response; every other activity is
 * acknowledged at once and worked on afterwards.
 */
@RestController
public class TeamsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TeamsEndpoint.class);
    private static final int MAX_BODY = 1 << 20;
    private static final String TEAMS_CHANNEL = "msteams";

    private final BotFrameworkTokens tokens;
    private final TeamsInvokes invokes;
    private final TeamsActivities activities;
    private final Executor workers;
    private final BooleanSupplier overloaded;

    public TeamsEndpoint(BotFrameworkTokens tokens, TeamsInvokes invokes, TeamsActivities activities, Executor workers,
                         BooleanSupplier overloaded) {
        this.tokens = tokens;
        this.invokes = invokes;
        this.activities = activities;
        this.workers = workers;
        this.overloaded = overloaded;
    }

    @PostMapping("/api/messages")
    public ResponseEntity<String> messages(HttpServletRequest request) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            log.info("Refused a Teams request from {} without a token", request.getRemoteAddr());
            return problem(401, "This endpoint only accepts requests from the Bot Framework.");
        }
        byte[] raw = readBody(request);
        if (raw == null) {
            return problem(413, "That request is too large.");
        }
        Optional<TeamsContext> parsed = ActivityJson.parse(new String(raw, StandardCharsets.UTF_8));
        if (parsed.isEmpty()) {
            log.info("Refused a Teams request whose body isn't an activity");
            return problem(400, "That isn't a Bot Framework activity.");
        }
        TeamsContext context = parsed.get();
        TokenVerdict verdict = tokens.verify(authorization, context.serviceUrl(), context.activity().getChannelId());
        if (verdict instanceof TokenVerdict.Refused refused) {
            log.info("Refused a Teams request from {}: {}", request.getRemoteAddr(), refused.reason());
            return problem(refused.status(), refused.status() == 403
                    ? "The token's key isn't endorsed for this channel."
                    : "The request's token isn't valid for this bot.");
        }
        if (!TEAMS_CHANNEL.equals(context.activity().getChannelId())) {
            // The bot's keys are endorsed for Web Chat and Direct Line too, where who someone is isn't Teams' word.
            log.info("Refused a Bot Framework activity from channel {}", context.activity().getChannelId());
            return problem(403, "This bot only takes activities from Microsoft Teams.");
        }
        if ("invoke".equals(context.activity().getType())) {
            TeamsInvokes.Answer answer = invokes.handle(context);
            return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(ActivityJson.write(answer.body()));
        }
        if (overloaded.getAsBoolean()) {
            return busy();
        }
        try {
            workers.execute(() -> work(context));
        } catch (RejectedExecutionException full) {
            return busy();
        }
        return ResponseEntity.ok().build();
    }

    private void work(TeamsContext context) {
        try {
            activities.handle(context);
        } catch (RuntimeException failure) {
            log.error("Teams {} activity {} failed", context.activity().getType(), context.activity().getId(), failure);
        }
    }

    private static ResponseEntity<String> busy() {
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1").contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"Stepwise is very busy right now; please try again in a moment.\"}");
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static ResponseEntity<String> problem(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"" + message.replace("\"", "'") + "\"}");
    }
}
