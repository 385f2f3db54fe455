package dev.stepwise.core.engine;

import dev.stepwise.core.conversation.Intent;
import java.util.List;

/** How a message was understood, and how surely. */
public sealed interface Reading {

    /** An exact command. */
    record Command(Intent intent) implements Reading {
    }

    /** Plain language the classifier (or the LLM) placed with confidence; {@code score} is the classifier's. */
    record Understood(Intent intent, double score) implements Reading {
    }

    /** Plain language that could be one of these (best first): the person picks. */
    record Unsure(List<Intent> candidates) implements Reading {
    }

    /** None of the intents. */
    record Nothing() implements Reading {
    }

    /** The intent, when the reading has exactly one. */
    default Intent intent() {
        return switch (this) {
            case Command c -> c.intent();
            case Understood u -> u.intent();
            default -> null;
        };
    }
}
