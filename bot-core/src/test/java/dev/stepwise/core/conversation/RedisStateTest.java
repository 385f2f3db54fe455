package dev.stepwise.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedisStateTest {

    private final ConversationStates states = CoreTestContext.bean(ConversationStates.class);
    private final InboundEvents events = CoreTestContext.bean(InboundEvents.class);

    @Test
    void stateIsKeptPerPersonAndConversationWithATimeToLive() {
        Inbound priyaHere = inbound("dm-1", UUID.randomUUID());
        Inbound priyaElsewhere = new Inbound("e2", "test", priyaHere.organisationId(), priyaHere.personId(), "dm-2",
                new Input.Message("hi"));
        ConversationState state = ConversationState.start("feedback", "recipient").next("objective", Map.of("recipient", "ben"));

        states.save(priyaHere, state);
        assertThat(states.find(priyaHere)).contains(state);
        assertThat(states.find(priyaElsewhere)).isEmpty();

        try (var redis = RealServers.get().connectRedis()) {
            String key = "stepwise:conversation:test:" + priyaHere.organisationId() + ":dm-1:" + priyaHere.personId();
            assertThat(redis.sync().ttl(key)).isBetween(1700L, 1800L);
        }
        states.clear(priyaHere);
        assertThat(states.find(priyaHere)).isEmpty();
    }

    @Test
    void eachStepGetsAFreshNonceSoOldButtonsAreRecognised() {
        ConversationState first = ConversationState.start("feedback", "recipient");
        ConversationState second = first.next("objective", Map.of());
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(BoundId.parse(first.bind("objective"))).isEqualTo(new BoundId("feedback", "objective", first.nonce()));
    }

    @Test
    void anEventIdIsProcessedOnceEvenWhenRetriesRace() throws Exception {
        String eventId = "Ev" + UUID.randomUUID();
        Callable<Boolean> attempt = () -> events.firstSeen("slack", eventId);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var results = pool.invokeAll(IntStream.range(0, 16).mapToObj(i -> attempt).toList());
            long winners = 0;
            for (var result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        assertThat(events.firstSeen("teams", eventId)).as("ids are per channel").isTrue();
    }

    private static Inbound inbound(String conversation, UUID person) {
        return new Inbound("e1", "test", UUID.randomUUID(), person, conversation, new Input.Message("hi"));
    }
}
