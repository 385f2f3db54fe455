package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import java.util.List;
import org.springframework.stereotype.Component;

/** Asking colleagues for feedback, several at once. */
@Component
public class RequestIntents implements Capability {

    public static final String REQUEST = "request_feedback";

    private final RequestFeedbackFlow flow;

    public RequestIntents(RequestFeedbackFlow flow) {
        this.flow = flow;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(IntentDefinition.starts(REQUEST)
                .offer("Ask[ {person}] for feedback")
                .description("they want one or more colleagues to give them feedback on their work")
                .help(20, "**request feedback from {colleague}**: ask up to 10 colleagues at once (name them all, separated by "
                        + "commas) about one of your objectives; they answer in a minute, and you get a summary")
                .command("(?:request|ask for|ask|get|collect|gather|seek|need|want|like|love) (?:some |more |a bit of |a little |your )?feedback"
                        + "(?:[\\s,]+(?:from|of)\\s+(?<person>.+?))?(?:\\s+(?:on|about|for) .+)?")
                .command("ask (?<person>.+?) (?:for|to give me|to share|what they think|what they thought) (?:some |more |their )?(?:feedback|of .+|about .+)?")
                .examplesFrom(RequestIntents.class, "request_feedback.examples")
                .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        List<String> people = intent.all(Intent.PERSON);
        return flow.start(turn, people.isEmpty() ? null : String.join(", ", people));
    }
}
