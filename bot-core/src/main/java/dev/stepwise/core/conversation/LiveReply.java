package dev.stepwise.core.conversation;

import java.util.List;

/**
 * Port: a reply the person watches being written, for answers that take a few seconds (an LLM writing advice). A
 * channel that can edit a message it sent provides one per turn: the first {@link #show} posts a message, later ones
 * replace it, and the turn's finished reply replaces it last ({@link ConversationEngine} does that), so the person
 * ends with one message, not a draft and an answer. Channels that can't edit use {@link #NONE} and the person gets
 * the finished reply only.
 *
 * <p>Implementations never throw: a draft that can't be shown is logged and the finished reply is delivered as usual.
 */
public interface LiveReply {

    /** No live reply: drafts are dropped, the finished reply is delivered as usual. */
    LiveReply NONE = new LiveReply() {
        @Override
        public boolean show(List<Block> blocks) {
            return false;
        }

        @Override
        public boolean showing() {
            return false;
        }
    };

    /** Lets the person see that an answer is coming (Teams shows "typing"); nothing where the channel has no such sign. */
    default void working() {
    }

    /** Shows the blocks in the live message, posting it the first time; false when the channel didn't take them. */
    boolean show(List<Block> blocks);

    /** Whether a live message is showing, so that the finished reply should replace it. */
    boolean showing();
}
