package dev.stepwise.core.situations;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Messengers;
import dev.stepwise.core.text.UserText;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the check-ins that are due ("how did it go?"), each once, with two standing buttons: ask someone for
 * feedback on how it went (a feedback request to the other person), or say it went fine. The assembly calls
 * {@link #runAt} on a clock.
 */
@Component
public class FollowUpSender {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSender.class);

    private final FollowUps followUps;
    private final Messengers messengers;

    public FollowUpSender(FollowUps followUps, Messengers messengers) {
        this.followUps = followUps;
        this.messengers = messengers;
    }

    /** Sends every check-in due at {@code now}; returns how many were sent. */
    public int runAt(Instant now) {
        List<FollowUps.FollowUp> due = followUps.claimDue(now);
        for (FollowUps.FollowUp followUp : due) {
            List<Block> blocks = List.of(new Block.Choices(
                    "You asked me for help with \u201c%s\u201d. How did it go?".formatted(UserText.inline(followUp.situation(), 200)),
                    List.of(new Block.Choice("Ask someone for feedback on it", SituationHelpFlow.askAction(), followUp.id().toString(),
                                    Block.Choice.Style.PRIMARY),
                            Block.Choice.of("It went fine", SituationHelpFlow.fineAction(), followUp.id().toString()))));
            if (!messengers.send(null, followUp.organisationId(), followUp.personId(), blocks)) {
                log.info("Check-in {} could not be delivered: no channel reaches the person", followUp.id());
            }
        }
        return due.size();
    }
}
