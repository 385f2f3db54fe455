package dev.stepwise.core.situations;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.LiveReply;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shows just-in-time guidance in the turn's live reply while the LLM writes it: the channel's "working" sign when
 * the LLM starts, then the steps written so far, at most once every {@value #PACE_MILLIS} ms (Slack and Teams limit
 * how often a message may be edited, and a message rewritten word by word is hard to read). The finished answer
 * replaces the draft whatever it last showed.
 */
final class LiveDraft implements Consumer<List<String>> {

    static final long PACE_MILLIS = 1000;

    private final LiveReply live;
    private final Function<List<String>, List<Block>> render;
    private long lastShown;
    private boolean shownOnce;

    LiveDraft(LiveReply live, Function<List<String>, List<Block>> render) {
        this.live = live;
        this.render = render;
    }

    @Override
    public void accept(List<String> steps) {
        if (steps.isEmpty()) {
            live.working();
            return;
        }
        long now = System.nanoTime();
        if (shownOnce && now - lastShown < PACE_MILLIS * 1_000_000) {
            return;
        }
        shownOnce = true;
        lastShown = now;
        live.show(render.apply(steps));
    }
}
