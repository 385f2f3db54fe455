package dev.stepwise.core.situations;

/**
 * What a leader asked for help with, in their words.
 *
 * @param text what is happening ("I have a tough performance conversation tomorrow")
 * @param goal what they are trying to solve, or "" when not given
 * @param good what good would look like afterwards, or "" when not given
 */
public record Situation(String text, String goal, String good) {

    public Situation {
        text = text == null ? "" : text.strip();
        goal = goal == null ? "" : goal.strip();
        good = good == null ? "" : good.strip();
    }

    /** Everything they said, for retrieval. */
    public String searchText() {
        return String.join(" ", text, goal, good).strip();
    }
}
