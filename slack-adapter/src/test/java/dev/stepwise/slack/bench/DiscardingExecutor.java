package dev.stepwise.slack.bench;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A diagnostic for the benchmark: the adapter's worker pool swapped for an executor that throws the work away, so
 * that the adapter's own acknowledgement path can be compared with bare Bolt's without its work competing for the
 * CPU. Nobody runs the adapter like this.
 */
final class DiscardingExecutor extends AbstractExecutorService {

    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
        // thrown away
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    /** Add to the adapter's application to swap its {@code slackWorkers} pool for a {@link DiscardingExecutor}. */
    @Configuration(proxyBeanMethods = false)
    static class ThrowTheWorkAway {

        @Bean
        static BeanPostProcessor throwSlackWorkAway() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (name.equals("slackWorkers") && bean instanceof ExecutorService real) {
                        real.shutdown();
                        return new DiscardingExecutor();
                    }
                    return bean;
                }
            };
        }
    }
}
