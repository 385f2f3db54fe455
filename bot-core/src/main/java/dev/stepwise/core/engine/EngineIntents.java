package dev.stepwise.core.engine;

import dev.stepwise.core.conversation.IntentDefinition;
import java.util.List;

/** The intents the engine answers itself: stopping a flow, and the examples of what is none of the intents. */
final class EngineIntents {

    private EngineIntents() {
    }

    static List<IntentDefinition> definitions() {
        return List.of(
                IntentDefinition.shows(Understanding.CANCEL)
                        .offer("Cancel")
                        .description("they want to stop what you are doing together")
                        .help(90, "**cancel**: stop what we're doing; nothing half-done is saved")
                        .command("cancel|stop|never ?mind|nevermind|quit|exit|abort|forget (?:it|that)")
                        .examplesFrom(EngineIntents.class, "cancel.examples")
                        .build(),
                IntentDefinition.shows(Understanding.NONE)
                        .description("anything else")
                        .examplesFrom(EngineIntents.class, "none.examples")
                        .build());
    }
}
