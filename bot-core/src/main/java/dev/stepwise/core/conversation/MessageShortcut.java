package dev.stepwise.core.conversation;

/** "Give feedback on this message": the capability that takes a chat message a person picked. */
public interface MessageShortcut {

    Step start(Turn turn, Input.FeedbackOnMessage message);
}
