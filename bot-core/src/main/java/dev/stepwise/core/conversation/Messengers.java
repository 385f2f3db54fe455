package dev.stepwise.core.conversation;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Chooses the channel a message to another person goes out on: the channel the triggering event came from
 * when it reaches that person (feedback given in Slack arrives in Slack), else the first other channel that
 * does. With none, the message is logged as undelivered; what triggered it is already recorded.
 */
@Component
public class Messengers {

    private static final Logger log = LoggerFactory.getLogger(Messengers.class);

    private final List<Messenger> channels;

    public Messengers(List<Messenger> channels) {
        this.channels = List.copyOf(channels);
    }

    public boolean send(String preferredChannel, UUID organisationId, UUID personId, List<Block> blocks) {
        for (Messenger messenger : ordered(preferredChannel)) {
            if (messenger.reaches(organisationId, personId) && messenger.send(organisationId, personId, blocks)) {
                return true;
            }
        }
        log.warn("No enabled channel could deliver a message to person {} of organisation {}", personId, organisationId);
        return false;
    }

    private List<Messenger> ordered(String preferredChannel) {
        return java.util.stream.Stream.concat(
                channels.stream().filter(m -> m.channel().equals(preferredChannel)),
                channels.stream().filter(m -> !m.channel().equals(preferredChannel))).toList();
    }
}
