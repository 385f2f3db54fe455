package dev.stepwise.core.people;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who a chat platform's user is, remembered in Redis so a busy conversation doesn't ask the platform again and
 * again: known people for an hour, unknown users for two minutes (so someone just added is found soon).
 */
public class PlatformPeopleCache {

    private static final String UNKNOWN = "-";
    private static final Duration KNOWN_FOR = Duration.ofHours(1);
    private static final Duration UNKNOWN_FOR = Duration.ofMinutes(2);

    private final People people;
    private final StatefulRedisConnection<String, String> redis;

    public PlatformPeopleCache(People people, StatefulRedisConnection<String, String> redis) {
        this.people = people;
        this.redis = redis;
    }

    /** The cached answer for the platform's user, else {@code lookUp}'s, which is then cached. */
    public Optional<Person> personFor(String platform, UUID organisationId, String platformUserId,
                                      Supplier<Optional<Person>> lookUp) {
        String key = "stepwise:" + platform + ":person:" + organisationId + ":" + platformUserId;
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
        Optional<Person> person = lookUp.get();
        redis.sync().set(key, person.map(p -> p.id().toString()).orElse(UNKNOWN),
                SetArgs.Builder.ex(person.isPresent() ? KNOWN_FOR : UNKNOWN_FOR));
        return person;
    }
}
