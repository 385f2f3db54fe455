package dev.stepwise.slack.bench;

import com.slack.api.app_backend.SlackSignature;
import dev.stepwise.core.testing.bench.LoadGenerator;
import dev.stepwise.slack.SlackPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's requests, half and half, signed as Slack signs them: an {@code event_callback} with a DM saying
 * "my goals" (each with its own event id, and its own DM channel so that Slack's 1 message/s/channel pacing never
 * holds the replies back), and a {@code /stepwise my feedback} slash command (its own trigger id, its response URL on
 * the stand-in). Senders are known people of connected workspaces, so the work after each acknowledgement really
 * runs: the core's turn on PostgreSQL and Redis, then the reply to the stand-in.
 */
final class SlackTraffic implements LoadGenerator.Traffic {

    record Sender(String teamId, String userId) {
    }

    private static final String EVENT_ID = "EvXXBENCHXX";
    private static final String CHANNEL = "DXXBENCHXX";
    private static final String TRIGGER = "XXTRIGGERXX";
    private static final String RESPONSE = "XXRESPONSEXX";

    private final List<String> events = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final SlackSignature.Generator signer;
    private final Clock clock;

    /** @param clock the time requests are signed at: the receiving app's clock, so they fall inside its replay window */
    SlackTraffic(List<Sender> senders, String signingSecret, BenchSlackApi api, Clock clock) {
        for (Sender sender : senders) {
            SlackPayloads payloads = new SlackPayloads(sender.teamId());
            events.add(payloads.directMessage(EVENT_ID, sender.userId(), CHANNEL, "my goals"));
            commands.add(payloads.slashCommand(sender.userId(), "C0BENCH", "/stepwise", "my feedback",
                    api.responseUrl(RESPONSE), TRIGGER));
        }
        this.signer = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    /** Request number {@code seq} of a run tagged {@code tag}: its id is the event's id, or the command's trigger id. */
    @Override
    public LoadGenerator.Request request(String tag, long seq) {
        boolean event = seq % 2 == 0;
        int sender = (int) ((seq / 2) % events.size());
        String id = tag + seq;
        String body = event
                ? events.get(sender).replace(EVENT_ID, "Ev" + id).replace(CHANNEL, "D" + id)
                : commands.get(sender).replace(TRIGGER, "1763900." + id + ".bench").replace(RESPONSE, id);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return new LoadGenerator.Request(event ? "Ev" + id : "1763900." + id + ".bench",
                event ? "application/json" : "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
                LoadGenerator.Request.headers("X-Slack-Request-Timestamp", timestamp,
                        "X-Slack-Signature", signer.generate(timestamp, body)));
    }

    int senders() {
        return events.size();
    }
}
