package dev.stepwise.slack.webapi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets on a hand-driven clock. */
class PacerTest {

    private static final PacingRates.Rate ONE_PER_SECOND_BURST_3 = new PacingRates.Rate(1, Duration.ofSeconds(1), 3);
    private static final PacingRates.Rate ONE_PER_SECOND = new PacingRates.Rate(1, Duration.ofSeconds(1), 1);

    private final TestClock clock = new TestClock();
    private final Pacer pacer = new Pacer(new PacingRates(Map.of("users.info", ONE_PER_SECOND_BURST_3,
            "chat.postMessage", new PacingRates.Rate(4, Duration.ofSeconds(1), 4)),
            ONE_PER_SECOND, ONE_PER_SECOND, Set.of("chat.postMessage")), clock);

    @Test
    void aBurstGoesAtOnceThenCallsAreSpacedByTheInterval() {
        assertThat(delays(methodKey("xoxb-a", "users.info"), 5)).containsExactly(0L, 0L, 0L, 1000L, 2000L);
    }

    @Test
    void theBucketRefillsWithTime() {
        Pacer.Key key = methodKey("xoxb-a", "users.info");
        delays(key, 3);

        clock.advance(Duration.ofMillis(1500));

        assertThat(delays(key, 2)).containsExactly(0L, 500L);
    }

    @Test
    void channelPacedMethodsPassTheirChannelsBucketFirstThenTheMethods() {
        List<Pacer.Key> keys = pacer.keysFor("xoxb-a", "chat.postMessage", "C1");

        assertThat(keys).extracting(Pacer.Key::channel).containsExactly("C1", null);
        assertThat(keys).extracting(Pacer.Key::method).containsOnly("chat.postMessage");
    }

    @Test
    void channelsHaveTheirOwnBuckets() {
        Pacer.Key busy = pacer.keysFor("xoxb-a", "chat.postMessage", "C1").getFirst();
        Pacer.Key quiet = pacer.keysFor("xoxb-a", "chat.postMessage", "C2").getFirst();

        assertThat(delays(busy, 3)).containsExactly(0L, 1000L, 2000L);
        assertThat(delays(quiet, 1)).containsExactly(0L);
    }

    @Test
    void otherMethodsAreNotChannelPaced() {
        assertThat(pacer.keysFor("xoxb-a", "users.info", "C1")).hasSize(1);
    }

    @Test
    void workspacesHaveTheirOwnBuckets() {
        delays(methodKey("xoxb-a", "users.info"), 3);

        assertThat(delays(methodKey("xoxb-b", "users.info"), 1)).containsExactly(0L);
        assertThat(delays(methodKey("xoxb-a", "users.info"), 1)).containsExactly(1000L);
    }

    @Test
    void aHoldBackDelaysEveryoneAndAllowsNoBurstRightAfter() {
        List<Pacer.Key> keys = pacer.keysFor("xoxb-a", "chat.postMessage", "C1");

        pacer.holdBack(keys, Duration.ofSeconds(5));

        assertThat(delays(keys.get(0), 2)).containsExactly(5000L, 6000L);
        assertThat(delays(keys.get(1), 5)).containsExactly(5000L, 5250L, 5500L, 5750L, 6000L);
        assertThat(delays(methodKey("xoxb-a", "users.info"), 1)).containsExactly(0L);
    }

    @Test
    void aCallThatWouldWaitPastTheDeadlineIsRefusedAndTakesNoSlot() {
        Pacer.Key key = methodKey("xoxb-a", "users.info");
        pacer.holdBack(List.of(key), Duration.ofSeconds(30));

        Pacer.Reservation refused = pacer.reserve(key, after(10));
        Pacer.Reservation granted = pacer.reserve(key, after(60));

        assertThat(refused.granted()).isFalse();
        assertThat(refused.delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(granted.granted()).isTrue();
        assertThat(granted.delay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unpacedMethodsOnlyWaitForHoldBacks() {
        Pacer unpaced = new Pacer(PacingRates.uniform(PacingRates.Rate.unpaced(), PacingRates.Rate.unpaced()), clock);
        Pacer.Key key = unpaced.keysFor("xoxb-a", "users.info", null).getFirst();

        for (int i = 0; i < 100; i++) {
            assertThat(unpaced.reserve(key, after(0)).delay()).isZero();
        }
        unpaced.holdBack(List.of(key), Duration.ofSeconds(2));
        assertThat(unpaced.reserve(key, after(5)).delay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void keysCarryAHashOfTheTokenNeverTheToken() {
        String token = "xoxb-1111-2222-NotARealTokenButSecret";
        List<Pacer.Key> keys = pacer.keysFor(token, "chat.postMessage", "C1");

        assertThat(keys.toString()).doesNotContain(token).doesNotContain("NotARealToken");
        assertThat(keys.getFirst().workspace()).isEqualTo(Pacer.workspaceOf(token)).hasSize(24)
                .isNotEqualTo(Pacer.workspaceOf("xoxb-1111-2222-AnotherToken"));
    }

    @Test
    void slackDefaultsFollowTheTiers() {
        PacingRates defaults = PacingRates.slackDefaults();

        assertThat(defaults.forMethod("users.info")).isEqualTo(PacingRates.Rate.perMinute(100, 10));
        assertThat(defaults.forMethod("conversations.open")).isEqualTo(PacingRates.Rate.perMinute(50, 5));
        assertThat(defaults.forMethod("views.publish")).isEqualTo(PacingRates.Rate.perMinute(100, 10));
        assertThat(defaults.forMethod("team.info")).isEqualTo(PacingRates.Rate.perMinute(20, 3));
        assertThat(defaults.perChannel().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.pacedPerChannel("chat.postMessage")).isTrue();
        assertThat(defaults.pacedPerChannel("views.open")).isFalse();
    }

    /** Reserves {@code n} slots of {@code key} at the current time; the delays in milliseconds. */
    private List<Long> delays(Pacer.Key key, int n) {
        long farAway = after(3600);
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> pacer.reserve(key, farAway))
                .peek(r -> assertThat(r.granted()).isTrue())
                .map(r -> r.delay().toMillis())
                .toList();
    }

    /** {@code seconds} from now on the pacer's ticker: a deadline. */
    private long after(long seconds) {
        return clock.nanos() + Duration.ofSeconds(seconds).toNanos();
    }

    private Pacer.Key methodKey(String token, String method) {
        return pacer.keysFor(token, method, null).getFirst();
    }
}
