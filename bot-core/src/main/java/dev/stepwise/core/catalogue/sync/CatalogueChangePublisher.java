package dev.stepwise.core.catalogue.sync;

import dev.stepwise.core.catalogue.index.CatalogueIndexUpdater;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells every running instance, this one included, that catalogue items changed (Redis pub/sub). If Redis can't
 * be reached, this instance's index is still updated; the others catch up when they see Redis again (they rebuild
 * after a reconnection) or at their next start.
 */
@Component
public class CatalogueChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(CatalogueChangePublisher.class);

    private final StatefulRedisConnection<String, String> redis;
    private final CatalogueIndexUpdater localIndex;

    public CatalogueChangePublisher(StatefulRedisConnection<String, String> redis, CatalogueIndexUpdater localIndex) {
        this.redis = redis;
        this.localIndex = localIndex;
    }

    public void publish(UUID organisationId, Collection<UUID> itemIds) {
        List<UUID> ids = new ArrayList<>(itemIds);
        for (int from = 0; from < ids.size(); from += CatalogueChangeMessage.MAX_IDS) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + CatalogueChangeMessage.MAX_IDS));
            try {
                redis.sync().publish(CatalogueChangeMessage.CHANNEL, new CatalogueChangeMessage(organisationId, part).toJson());
            } catch (RedisException e) {
                log.warn("Could not announce {} changed catalogue items of organisation {} on Redis ({}); updating this "
                        + "instance's index only", part.size(), organisationId, e.toString());
                localIndex.reloadLater(organisationId, part);
            }
        }
    }
}
