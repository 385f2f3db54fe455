package dev.stepwise.core.conversation;

/** What a typed message or command asks for. */
public sealed interface Intent {

    record Help(boolean greeting) implements Intent {
    }

    record Cancel() implements Intent {
    }

    /** @param recipient who the feedback is for, as typed, or null; @param text the feedback itself, or null */
    record GiveFeedback(String recipient, String text) implements Intent {
    }

    /** @param recipients whom to ask, as typed ("Ben, Priya and Sam"), or null */
    record RequestFeedback(String recipients) implements Intent {
    }

    /** A manager asks for the feedback their direct reports shared with them. */
    record TeamFeedback() implements Intent {
    }

    record MyFeedback() implements Intent {
    }

    record MyGoals() implements Intent {
    }

    record MyPlan() implements Intent {
    }

    /** Someone wants suggestions to grow a skill; @param skill as typed, or null to ask */
    record Suggest(String skill) implements Intent {
    }

    /** Someone offers to mentor others in a skill; @param skill as typed */
    record OfferMentoring(String skill) implements Intent {
    }

    /**
     * A leader wants help with a situation; @param text what they typed, lead-in and all; @param guessed true when
     * the grammar only guessed it from plain language (a first-person lead-in and a word about work), not a command
     */
    record Situation(String text, boolean guessed) implements Intent {

        public Situation(String text) {
            this(text, false);
        }
    }

    /** A command the product will have but this version doesn't yet: answered honestly, never guessed at. */
    record NotYetAvailable(String feature) implements Intent {
    }

    /**
     * A command guessed from plain language that would record something: offered as a button that sends
     * {@code command} as if typed, so nothing is recorded until the person presses it.
     */
    record AskFirst(String question, String label, String command) implements Intent {
    }

    /** Not a command: free text for the flow in progress, or something the bot doesn't understand. */
    record Unrecognised(String text) implements Intent {
    }
}
