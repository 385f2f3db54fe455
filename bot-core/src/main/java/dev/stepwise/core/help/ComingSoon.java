package dev.stepwise.core.help;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Intents of capabilities still to come, answered honestly ("not available yet") instead of being misread as something
 * else. Each goes from here when its own package registers it.
 */
@Component
public class ComingSoon implements Capability {

    public static final String SETTINGS = "settings";

    private final HelpText help;

    public ComingSoon(HelpText help) {
        this.help = help;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(
                IntentDefinition.shows(SETTINGS)
                        .offer("My settings")
                        .description("they want to change their reminders, notifications, quiet hours or timezone")
                        .command("(?:(?:show|change|open|edit) )?(?:my )?(?:settings|preferences|notifications|notification settings|quiet hours)")
                        .examplesFrom(ComingSoon.class, "settings.examples")
                        .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        return Step.stay(Outbound.reply(help.notYetAvailable("Settings for reminders and quiet hours", turn.person())));
    }
}
