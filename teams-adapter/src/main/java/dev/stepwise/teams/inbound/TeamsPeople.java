package dev.stepwise.teams.inbound;

import dev.stepwise.core.organisation.ChannelIdentity;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.PlatformPeopleCache;
import dev.stepwise.core.people.Person;
import dev.stepwise.teams.connector.BotConnector;
import dev.stepwise.teams.connector.BotConnectorException;
import dev.stepwise.teams.connector.TeamsMember;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is writing from Teams: the tenant is an organisation (its identity of kind {@code tenant}); the person is
 * the one with the sender's AAD object id, else the one with the email (or sign-in name) Teams reports for the
 * sender, who is then remembered by their AAD object id. Answers are cached ({@link PlatformPeopleCache}).
 */
public class TeamsPeople {

    public static final String PLATFORM = "teams";
    private static final Logger log = LoggerFactory.getLogger(TeamsPeople.class);

    private final Organisations organisations;
    private final People people;
    private final BotConnector connector;
    private final PlatformPeopleCache cache;

    public TeamsPeople(Organisations organisations, People people, BotConnector connector,
                       StatefulRedisConnection<String, String> redis) {
        this.organisations = organisations;
        this.people = people;
        this.connector = connector;
        this.cache = new PlatformPeopleCache(people, redis);
    }

    public Optional<Organisation> organisationOf(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return Optional.empty();
        }
        return organisations.findByIdentity(new ChannelIdentity(PLATFORM, "tenant", tenantId));
    }

    /** The sender of an activity as a person of the organisation, looking them up in Teams if needed. */
    public Optional<Person> personFor(UUID organisationId, TeamsSender sender) {
        if (sender.aadObjectId() == null || sender.aadObjectId().isBlank()) {
            return Optional.empty();
        }
        return cache.personFor(PLATFORM, organisationId, sender.aadObjectId(), () -> lookUp(organisationId, sender));
    }

    /** A person of the organisation known by their AAD object id (e.g. the author of a message). */
    public Optional<Person> byAadObjectId(UUID organisationId, String aadObjectId) {
        return aadObjectId == null ? Optional.empty() : people.findByIdentity(organisationId, PLATFORM, aadObjectId);
    }

    /** The person's AAD object id, if they have used Stepwise in Teams. */
    public Optional<String> aadObjectIdOf(UUID organisationId, UUID personId) {
        return people.identityOf(organisationId, personId, PLATFORM);
    }

    private Optional<Person> lookUp(UUID organisationId, TeamsSender sender) {
        Optional<Person> known = people.findByIdentity(organisationId, PLATFORM, sender.aadObjectId());
        if (known.isPresent()) {
            return known;
        }
        Optional<TeamsMember> member;
        try {
            member = connector.member(sender.serviceUrl(), sender.conversationId(), sender.userId());
        } catch (BotConnectorException failed) {
            log.warn("Couldn't look up Teams user {}: {} {}", sender.aadObjectId(), failed.status(), failed.code());
            return Optional.empty();
        }
        Optional<Person> byEmail = member.flatMap(m -> findByEmail(organisationId, m.email())
                .or(() -> findByEmail(organisationId, m.userPrincipalName())));
        byEmail.ifPresent(person -> {
            if (people.linkIdentity(organisationId, person.id(), PLATFORM, sender.aadObjectId())) {
                log.info("Linked Teams user {} to person {} by email", sender.aadObjectId(), person.id());
            }
        });
        return byEmail;
    }

    private Optional<Person> findByEmail(UUID organisationId, String email) {
        return email == null || email.isBlank() ? Optional.empty() : people.findByEmail(organisationId, email);
    }
}
