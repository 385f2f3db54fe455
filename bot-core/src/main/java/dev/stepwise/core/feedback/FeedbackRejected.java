package dev.stepwise.core.feedback;

import java.util.List;
import java.util.stream.Collectors;

/** Feedback that cannot be recorded as given, with every rule it breaks; the messages are written for the giver. */
public class FeedbackRejected extends RuntimeException {

    public enum Reason { EMPTY, TOO_LONG, TO_SELF, UNKNOWN_RECEIVER, NOT_THEIR_OBJECTIVE, UNKNOWN_SKILL }

    /**
     * One rule broken.
     *
     * @param part the part of the words it is about, or null when it is about all of them or not about the words
     */
    public record Problem(Reason reason, FeedbackParts.Part part, String message) {
    }

    private final List<Problem> problems;

    public FeedbackRejected(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("Feedback is rejected for at least one problem");
        }
        return problems.stream().map(Problem::message).collect(Collectors.joining(" "));
    }

    /** The first rule broken. */
    public Reason reason() {
        return problems.getFirst().reason();
    }

    public List<Problem> problems() {
        return problems;
    }
}
