package dev.stepwise.core.recommendations;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.text.UserText;
import java.util.List;
import org.springframework.stereotype.Component;

/** Growing a skill: suggestions sized to the gap, and offering to mentor others in one. */
@Component
public class GrowthIntents implements Capability {

    public static final String SUGGEST = "suggest";
    public static final String MENTOR = "mentor";

    private final SuggestFlow flow;

    public GrowthIntents(SuggestFlow flow) {
        this.flow = flow;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(
                IntentDefinition.starts(SUGGEST)
                        .offer("Get suggestions[ for {skill}]")
                        .description("they want to grow, learn or get better at a skill, or want learning suggestions")
                        .help(60, "**how can I get better at** a skill: up to three suggestions sized to where you are, with "
                                + "\"add to plan\"; **mentor** a skill to offer to help others grow it")
                        .command("(?:suggest|recommend)(?: some| me)?(?: learning| something| courses?| ways| resources)?"
                                + "(?:\\s+(?:for|on|in|about|to (?:grow|improve))\\s+(?:my )?(?<skill>.+))?")
                        .command("how (?:can|do|could|should|might) i (?:get better|improve|grow|level up|get good|develop|learn)"
                                + "(?: at| in| on| my)?\\s+(?<skill>.+)")
                        .command("(?:improve|grow|develop|level up|work on|get better at) my (?<skill>.+)")
                        .examplesFrom(GrowthIntents.class, "suggest.examples")
                        .build(),
                IntentDefinition.starts(MENTOR)
                        .offer("Offer to mentor[ in {skill}]")
                        .description("they offer to mentor or coach others in a skill")
                        .command("(?:i can |i could |i'd like to |i would like to |i want to |i'll |i will |happy to )?mentor "
                                + "(?:others |people |colleagues |someone )?(?:in |on |for )?(?<skill>.+)")
                        .examplesFrom(GrowthIntents.class, "mentor.examples")
                        .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        String skill = intent.slot(Intent.SKILL);
        if (intent.is(SUGGEST)) {
            return flow.start(turn, skill);
        }
        if (skill == null) {
            return Step.stay(Outbound.reply(Block.text(
                    "Thanks for offering! Which skill could you mentor others in? Say, for example, **I can mentor testing**.")));
        }
        if (!intent.exact()) {
            // Understood from plain language: nothing is recorded until the person says so.
            return Step.stay(Outbound.reply(new Block.Choices(
                    "Would you like to offer to mentor colleagues in **%s**? I'd suggest you to people who want to grow it."
                            .formatted(UserText.inline(skill, 60)),
                    List.of(new Block.Choice("Yes, I can mentor " + UserText.cut(skill, 40), "say", "I can mentor " + skill,
                            Block.Choice.Style.PRIMARY)))));
        }
        return flow.offerToMentor(turn, skill);
    }
}
