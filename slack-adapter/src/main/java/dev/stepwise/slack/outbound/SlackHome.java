package dev.stepwise.slack.outbound;

import dev.stepwise.core.conversation.InboundEvents;
import dev.stepwise.core.home.HomeSummary;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.people.Person;
import dev.stepwise.slack.blockkit.BlockKitRenderer;
import dev.stepwise.slack.inbound.SlackPeople;
import dev.stepwise.slack.inbound.SlackWorkspaces;
import dev.stepwise.slack.webapi.SlackCallFailed;
import dev.stepwise.slack.webapi.SlackWebApi;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App Home: published when a person opens it, and published again whenever something on it changes for
 * someone who has opened it (feedback arrived, a request is waiting).
 */
public class SlackHome {

    private static final Logger log = LoggerFactory.getLogger(SlackHome.class);
    private static final Duration REMEMBER_OPENED = Duration.ofDays(30);

    private final SlackWorkspaces workspaces;
    private final SlackPeople people;
    private final HomeSummary summary;
    private final BlockKitRenderer renderer;
    private final SlackWebApi api;
    private final InboundEvents events;
    private final StatefulRedisConnection<String, String> redis;

    public SlackHome(SlackWorkspaces workspaces, SlackPeople people, HomeSummary summary, BlockKitRenderer renderer,
                     SlackWebApi api, InboundEvents events, StatefulRedisConnection<String, String> redis) {
        this.workspaces = workspaces;
        this.people = people;
        this.summary = summary;
        this.renderer = renderer;
        this.api = api;
        this.events = events;
        this.redis = redis;
    }

    /** {@code app_home_opened}: publish the person's home (once per event id, retries included). */
    public void opened(String token, String enterpriseId, String teamId, String userId, String eventId) {
        if (!events.firstSeen("slack-home", eventId)) {
            return;
        }
        Optional<Organisation> organisation = workspaces.organisationOf(enterpriseId, teamId);
        Optional<Person> person = organisation.flatMap(o -> people.personFor(o.id(), token, userId));
        if (person.isEmpty()) {
            publish(token, userId, java.util.List.of(dev.stepwise.core.conversation.Block.text(
                    "**Hi! I'm Stepwise.** I don't have you in Stepwise yet: ask whoever looks after it to add you "
                            + "with the email address of your Slack profile.")));
            return;
        }
        redis.sync().set(openedKey(person.get().organisationId(), person.get().id()), userId, SetArgs.Builder.ex(REMEMBER_OPENED));
        publish(token, userId, summary.blocks(person.get()));
    }

    /** Publishes the person's home again if they have opened it; quietly does nothing otherwise. */
    public void refresh(UUID organisationId, Person person) {
        String userId = redis.sync().get(openedKey(organisationId, person.id()));
        if (userId == null) {
            return;
        }
        workspaces.botToken(organisationId).ifPresent(token -> publish(token, userId, summary.blocks(person)));
    }

    private void publish(String token, String userId, java.util.List<dev.stepwise.core.conversation.Block> blocks) {
        try {
            api.publishHome(token, userId, renderer.home(blocks));
        } catch (SlackCallFailed failed) {
            log.warn("Couldn't publish App Home for {}: {}", userId, failed.error());
        }
    }

    private static String openedKey(UUID organisationId, UUID personId) {
        return "stepwise:slack:home:" + organisationId + ":" + personId;
    }
}
