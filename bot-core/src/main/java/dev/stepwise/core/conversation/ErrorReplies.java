package dev.stepwise.core.conversation;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that answers politely when something goes wrong: the person gets a short apology and a
 * reference, the log gets the details under the same reference, and no stack trace reaches a chat.
 */
@Component
public class ErrorReplies {

    private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    public Outbound unexpected(Inbound inbound, Throwable failure) {
        String reference = reference();
        log.error("Could not handle {} event {} in organisation {} (reference {})", inbound.channel(),
                inbound.eventId(), inbound.organisationId(), reference, failure);
        return Outbound.reply(Block.text("Sorry, something went wrong on my side and nothing half-done was saved. "
                + "Please try again in a moment. If it keeps happening, give your admin this reference: `" + reference + "`."));
    }

    public Outbound unknownPerson() {
        return Outbound.reply(Block.text("Hi! I don't know you yet, so I can't help here. "
                + "Ask your Stepwise admin to add you to your organisation's people list."));
    }

    public Outbound staleAction() {
        return Outbound.reply(Block.text("That button belongs to a conversation that has moved on, so I've left "
                + "everything as it was. Say **help** to see what you can do now."));
    }

    private static String reference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase(java.util.Locale.ROOT);
    }
}
