package dev.stepwise.slack.inbound;

import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import dev.stepwise.slack.webapi.SlackCallFailed;
import dev.stepwise.slack.webapi.SlackUser;
import dev.stepwise.slack.webapi.SlackWebApi;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is in Stepwise: their stored identity, else the person with their Slack profile's email
 * (then remembered as their identity). Answers are cached in Redis, unknown users briefly, so a busy channel
 * doesn't ask Slack again and again.
 */
public class SlackPeople {

    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);
    private static final String UNKNOWN = "-";
    private static final Duration KNOWN_FOR = Duration.ofHours(1);
    private static final Duration UNKNOWN_FOR = Duration.ofMinutes(2);

    private final People people;
    private final SlackWebApi slack;
    private final StatefulRedisConnection<String, String> redis;

    public SlackPeople(People people, SlackWebApi slack, StatefulRedisConnection<String, String> redis) {
        this.people = people;
        this.slack = slack;
        this.redis = redis;
    }

    public Optional<Person> personFor(UUID organisationId, String token, String slackUserId) {
        String key = "stepwise:slack:person:" + organisationId + ":" + slackUserId;
        String cached = redis.sync().get(key);
        if (UNKNOWN.equals(cached)) {
            return Optional.empty();
        }
        if (cached != null) {
            Optional<Person> person = people.find(organisationId, UUID.fromString(cached));
            if (person.isPresent()) {
                return person;
            }
        }
        Optional<Person> person = lookUp(organisationId, token, slackUserId);
        redis.sync().set(key, person.map(p -> p.id().toString()).orElse(UNKNOWN),
                SetArgs.Builder.ex(person.isPresent() ? KNOWN_FOR : UNKNOWN_FOR));
        return person;
    }

    /** The person's Slack user id, if they have one. */
    public Optional<String> slackUserOf(UUID organisationId, UUID personId) {
        return people.identityOf(organisationId, personId, SlackWorkspaces.PLATFORM);
    }

    private Optional<Person> lookUp(UUID organisationId, String token, String slackUserId) {
        Optional<Person> known = people.findByIdentity(organisationId, SlackWorkspaces.PLATFORM, slackUserId);
        if (known.isPresent()) {
            return known;
        }
        SlackUser user;
        try {
            user = slack.userInfo(token, slackUserId);
        } catch (SlackCallFailed failed) {
            log.warn("Couldn't look up Slack user {}: {}", slackUserId, failed.error());
            return Optional.empty();
        }
        if (user.bot() || user.deleted() || user.email() == null || user.email().isBlank()) {
            return Optional.empty();
        }
        Optional<Person> byEmail = people.findByEmail(organisationId, user.email());
        byEmail.ifPresent(person -> {
            if (people.linkIdentity(organisationId, person.id(), SlackWorkspaces.PLATFORM, slackUserId)) {
                log.info("Linked Slack user {} to person {} by email", slackUserId, person.id());
            }
        });
        return byEmail;
    }
}
