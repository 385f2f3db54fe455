package dev.stepwise.core.catalogue.sync;

import dev.stepwise.core.catalogue.index.CatalogueIndexUpdater;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listens on {@link CatalogueChangeMessage#CHANNEL} and has this instance's index reload the items each message
 * names. Pub/sub delivers at most once: when the connection comes back after a loss (Lettuce subscribes again by
 * itself), messages may have been missed meanwhile, so every index is rebuilt. Subscribes on a connection of its own
 * (a subscribed connection can do nothing else), opened by {@link #subscribe()} and closed by {@link #unsubscribe()}.
 */
@Component
public class CatalogueChangeSubscriber {

    private static final Logger log = LoggerFactory.getLogger(CatalogueChangeSubscriber.class);

    private final RedisClient redis;
    private final CatalogueIndexUpdater updater;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final RedisPubSubListener<String, String> listener = new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) {
            if (CatalogueChangeMessage.CHANNEL.equals(channel)) {
                received(message);
            }
        }

        @Override
        public void subscribed(String channel, long count) {
            if (CatalogueChangeMessage.CHANNEL.equals(channel) && subscriptions.incrementAndGet() > 1) {
                log.info("Subscribed to catalogue changes again after a lost connection: rebuilding every catalogue index");
                updater.rebuildAllLater();
            }
        }
    };

    public CatalogueChangeSubscriber(RedisClient redis, CatalogueIndexUpdater updater) {
        this.redis = redis;
        this.updater = updater;
    }

    /** Opens the subscription; returns once Redis has confirmed it. */
    public synchronized void subscribe() {
        if (pubSub != null) {
            return;
        }
        subscriptions.set(0);
        StatefulRedisPubSubConnection<String, String> connection = redis.connectPubSub();
        connection.addListener(listener);
        connection.sync().subscribe(CatalogueChangeMessage.CHANNEL);
        pubSub = connection;
    }

    public synchronized void unsubscribe() {
        StatefulRedisPubSubConnection<String, String> connection = pubSub;
        pubSub = null;
        if (connection != null) {
            connection.removeListener(listener);
            connection.closeAsync();
        }
    }

    private void received(String message) {
        CatalogueChangeMessage change;
        try {
            change = CatalogueChangeMessage.parse(message);
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a message on {} that isn't a catalogue change ({} characters)", CatalogueChangeMessage.CHANNEL,
                    message.length());
            return;
        }
        updater.reloadLater(change.organisationId(), change.itemIds());
    }
}
