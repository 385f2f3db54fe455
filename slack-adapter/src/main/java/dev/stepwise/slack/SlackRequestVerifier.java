package dev.stepwise.slack;

import com.slack.api.app_backend.SlackSignature;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks that a request came from Slack: an HMAC-SHA256 signature over {@code v0:timestamp:body} with the
 * signing secret, and a timestamp inside the replay window. Runs before anything reads or stores the body.
 */
public final class SlackRequestVerifier {

    public enum Verdict { VALID, MISSING, STALE, BAD_SIGNATURE }

    private final SlackSignature.Verifier signatures;
    private final Clock clock;
    private final Duration replayWindow;

    public SlackRequestVerifier(String signingSecret, Clock clock, Duration replayWindow) {
        this.signatures = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.clock = clock;
        this.replayWindow = replayWindow;
    }

    public Verdict verify(String timestamp, String signature, String body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Verdict.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException notANumber) {
            return Verdict.STALE;
        }
        long now = clock.millis();
        if (Math.abs(now / 1000 - seconds) > replayWindow.toSeconds()) {
            return Verdict.STALE;
        }
        return signatures.isValid(timestamp.strip(), body, signature.strip(), now) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }
}
