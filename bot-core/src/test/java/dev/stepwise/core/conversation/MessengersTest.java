package dev.stepwise.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A message for someone else goes out where the conversation happened if that channel reaches them. */
class MessengersTest {

    private final UUID org = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID sam = UUID.randomUUID();

    private final Channel slack = new Channel("slack", Set.of(ben));
    private final Channel teams = new Channel("teams", Set.of(ben, sam));
    private final Messengers messengers = new Messengers(List.of(teams, slack));

    @Test
    void theChannelTheEventCameFromIsPreferred() {
        assertThat(messengers.send("slack", org, ben, List.of(Block.text("hi")))).isTrue();
        assertThat(slack.sent).containsExactly(ben);
        assertThat(teams.sent).isEmpty();
    }

    @Test
    void anotherChannelIsUsedWhenThatOneCantReachThePerson() {
        assertThat(messengers.send("slack", org, sam, List.of(Block.text("hi")))).isTrue();
        assertThat(teams.sent).containsExactly(sam);
        assertThat(slack.sent).isEmpty();
    }

    @Test
    void nobodyReachableIsReportedNotThrown() {
        assertThat(messengers.send("playground", org, UUID.randomUUID(), List.of(Block.text("hi")))).isFalse();
        assertThat(new Messengers(List.of()).send("slack", org, ben, List.of(Block.text("hi")))).isFalse();
    }

    private static final class Channel implements Messenger {
        final String name;
        final Set<UUID> reachable;
        final List<UUID> sent = new ArrayList<>();

        Channel(String name, Set<UUID> reachable) {
            this.name = name;
            this.reachable = reachable;
        }

        @Override
        public String channel() {
            return name;
        }

        @Override
        public boolean reaches(UUID organisationId, UUID personId) {
            return reachable.contains(personId);
        }

        @Override
        public boolean send(UUID organisationId, UUID personId, List<Block> blocks) {
            sent.add(personId);
            return true;
        }
    }
}
