package dev.stepwise.slack.inbound;

import dev.stepwise.core.people.People;
import dev.stepwise.core.people.PlatformPeopleCache;
import dev.stepwise.core.people.Person;
import dev.stepwise.slack.webapi.SlackCallFailed;
import dev.stepwise.slack.webapi.SlackUser;
import dev.stepwise.slack.webapi.SlackWebApi;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is in Stepwise: their stored identity, else the person with their Slack profile's email
 * (then remembered as their identity). Answers are cached ({@link PlatformPeopleCache}).
 */
public class SlackPeople {

    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);

    private final People people;
    private final SlackWebApi slack;
    private final PlatformPeopleCache cache;

    public SlackPeople(People people, SlackWebApi slack, StatefulRedisConnection<String, String> redis) {
        this.people = people;
        this.slack = slack;
        this.cache = new PlatformPeopleCache(people, redis);
    }

    public Optional<Person> personFor(UUID organisationId, String token, String slackUserId) {
        return cache.personFor(SlackWorkspaces.PLATFORM, organisationId, slackUserId,
                () -> lookUp(organisationId, token, slackUserId));
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
