package dev.stepwise.core.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the application takes messages: embeds the registered intents' examples and trains the local
 * classifier (a few seconds), so the first person to type something isn't the one who waits for it.
 */
@Component
class UnderstandingWarmUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnderstandingWarmUp.class);

    private final Understanding understanding;
    private volatile boolean running;

    UnderstandingWarmUp(Understanding understanding) {
        this.understanding = understanding;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        understanding.warmUp();
        log.info("Understanding ready: {} intents learnt from their examples in {} ms",
                understanding.capabilities().intents().size(), (System.nanoTime() - started) / 1_000_000);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
