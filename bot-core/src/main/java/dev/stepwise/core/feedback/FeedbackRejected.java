package dev.stepwise.core.feedback;

/** Feedback that cannot be recorded as given; the message is written for the giver. */
public class FeedbackRejected extends RuntimeException {

    public enum Reason { EMPTY, TOO_LONG, TO_SELF, UNKNOWN_RECEIVER, NOT_THEIR_OBJECTIVE, UNKNOWN_SKILL }

    private final Reason reason;

    public FeedbackRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
