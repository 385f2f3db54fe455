package dev.stepwise.core.situations;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import java.util.List;
import org.springframework.stereotype.Component;

/** Just-in-time help with a situation, asked for with a command word or simply described. */
@Component
public class SituationIntents implements Capability {

    public static final String SITUATION = "situation";

    private final SituationHelpFlow flow;

    public SituationIntents(SituationHelpFlow flow) {
        this.flow = flow;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(IntentDefinition.starts(SITUATION)
                .offer("Help with this situation")
                .description("they want advice for a work situation they face, e.g. a hard conversation, a conflict, a meeting, "
                        + "a presentation or a decision")
                .help(50, "**help me with** a situation, or just describe it, e.g. `help me with a tough performance conversation "
                        + "tomorrow`: brief guidance for right now and the best of your organisation's catalogue for it")
                .command("(?:help(?: me)? (?:with|on|for|prepare for|prepare|through|handle|deal with|figure out)"
                        + "|(?:i need |i'd like |i would like |any |some |give me |get )?(?:advice|tips|guidance) (?:on|about|for|with)"
                        + "|coach(?:ing)? me (?:on|about|through|for))\\s*[:,\\-–]?\\s+(?<words>\\S.*)")
                .command("(?:help(?: me)?|advice|tips|situation)\\s*:\\s*(?<words>\\S.*)")
                .examplesFrom(SituationIntents.class, "situation.examples")
                .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        return flow.start(turn, intent.text());
    }
}
