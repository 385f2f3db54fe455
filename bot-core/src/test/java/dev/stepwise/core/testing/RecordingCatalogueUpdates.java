package dev.stepwise.core.testing;

import dev.stepwise.core.catalogue.CatalogueUpdates;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records what {@link CatalogueUpdates} is told, and what another connection could see of those items at that moment
 * (so a test can tell the notice came after the commit).
 */
public class RecordingCatalogueUpdates implements CatalogueUpdates {

    /**
     * One notice.
     *
     * @param insideTransaction whether a transaction was still active on the calling thread
     * @param visibleIds        which of the ids another connection saw in catalogue_items then
     */
    public record Notice(UUID organisationId, Set<UUID> itemIds, boolean insideTransaction, Set<UUID> visibleIds) {
    }

    private final JdbcClient otherConnection;
    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    public RecordingCatalogueUpdates(DataSource dataSource) {
        this.otherConnection = JdbcClient.create(dataSource);
    }

    @Override
    public void changed(UUID organisationId, Collection<UUID> itemIds) {
        boolean inside = TransactionSynchronizationManager.isActualTransactionActive();
        Set<UUID> visible = Set.copyOf(otherConnection.sql("select id from catalogue_items where id = any(?)")
                .param(itemIds.toArray(UUID[]::new)).query(UUID.class).list());
        notices.add(new Notice(organisationId, Set.copyOf(itemIds), inside, visible));
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    /** Notices about one organisation. */
    public List<Notice> notices(UUID organisationId) {
        return notices.stream().filter(n -> n.organisationId().equals(organisationId)).toList();
    }

    public void clear() {
        notices.clear();
    }
}
