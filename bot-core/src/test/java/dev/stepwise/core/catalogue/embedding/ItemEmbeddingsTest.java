package dev.stepwise.core.catalogue.embedding;

import static dev.stepwise.core.catalogue.TestCatalogue.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueRow;
import dev.stepwise.core.catalogue.CatalogueRows;
import dev.stepwise.core.catalogue.TestCatalogue;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ItemEmbeddingsTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);
    private final TextEmbedder embedder = CoreTestContext.bean(TextEmbedder.class);
    private final TestClock clock = CoreTestContext.bean(TestClock.class);

    private record Stored(String model, byte[] textHash, byte[] vector, OffsetDateTime embeddedAt) {
    }

    @Test
    void anItemIsEmbeddedOnceAndAgainOnlyWhenWhatIsEmbeddedChanges() {
        UUID id = add(item("listening", "Active listening", "Hear people out before you answer.", "article", 1, 3, 5, "communication"));

        assertThat(TestCatalogue.announce(org.id(), List.of(id))).as("a new item").isEqualTo(1);
        Stored first = stored(id);
        assertThat(first.model()).isEqualTo(TextEmbedder.MODEL);
        assertThat(first.vector()).hasSize(4 * TextEmbedder.DIMENSIONS);

        clock.advance(Duration.ofMinutes(1));   // so that embedding again would show in embedded_at
        assertThat(TestCatalogue.announce(org.id(), List.of(id))).as("told again, unchanged").isZero();
        jdbc.sql("update catalogue_items set level_max = 5, duration_minutes = 15 where id = ?").param(id).update();
        assertThat(TestCatalogue.announce(org.id(), List.of(id))).as("changed, but not its text").isZero();
        assertThat(stored(id).embeddedAt()).isEqualTo(first.embeddedAt());

        jdbc.sql("update catalogue_items set description = 'Listen to understand, not to reply.' where id = ?").param(id).update();
        assertThat(TestCatalogue.announce(org.id(), List.of(id))).as("a new description").isEqualTo(1);
        Stored second = stored(id);
        assertThat(second.textHash()).isNotEqualTo(first.textHash());
        assertThat(second.vector()).isNotEqualTo(first.vector());
        assertThat(second.embeddedAt().toInstant()).as("embedded now, on the clock").isEqualTo(clock.instant())
                .isAfter(first.embeddedAt().toInstant());

        jdbc.sql("update skills set name = 'Communicating' where organisation_id = ? and key = 'communication'").param(org.id()).update();
        assertThat(TestCatalogue.announce(org.id(), List.of(id))).as("its skill renamed").isEqualTo(1);

        jdbc.sql("update catalogue_item_embeddings set model = 'an-older-model' where catalogue_item_id = ?").param(id).update();
        assertThat(TestCatalogue.announce(org.id(), List.of(id))).as("made by another model").isEqualTo(1);
        assertThat(stored(id).model()).isEqualTo(TextEmbedder.MODEL);
    }

    @Test
    void theStoredVectorIsTheUnitLengthEmbeddingOfTheItemsTitleTypeSkillsAndDescription() {
        UUID id = add(item("listening", "Active listening", "Hear people out.", "article", 1, 3, 5, "communication", "coaching"));
        TestCatalogue.announce(org.id(), List.of(id));

        CatalogueRow row = CoreTestContext.bean(CatalogueRows.class).byIds(org.id(), List.of(id)).getFirst();
        assertThat(row.embeddingText()).isEqualTo("Active listening. article on Coaching, Communication. Hear people out.");
        float[] stored = row.embedding().vector();
        float[] expected = embedder.embed(row.embeddingText());
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < stored.length; i++) {
            dot += stored[i] * expected[i];
            norm += stored[i] * stored[i];
        }
        assertThat(norm).isCloseTo(1.0, offset(1e-4));
        assertThat(dot).isCloseTo(1.0, offset(1e-4));
        assertThat(row.upToDateVector(TextEmbedder.MODEL)).isNotNull();
    }

    @Test
    void itemsDeletedBeforeTheyAreEmbeddedAreLeftAlone() {
        UUID id = add(item("gone", "Soon gone", "Deleted at once.", "article", 1, 3, 5));
        jdbc.sql("delete from catalogue_items where id = ?").param(id).update();

        assertThat(TestCatalogue.announce(org.id(), List.of(id))).isZero();
        assertThat(jdbc.sql("select count(*) from catalogue_item_embeddings where catalogue_item_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void twoInstancesToldOfTheSameItemsAtOnceEmbedEachItemOnce() throws Exception {
        List<CatalogueItem> items = new ArrayList<>();
        for (int i = 0; i < ItemEmbeddings.BATCH; i++) {
            items.add(item("item-" + i, "Course number " + i, "About topic " + i + ".", "course", 1, 5, 30));
        }
        List<UUID> ids = List.copyOf(TestCatalogue.add(org.id(), items).values());
        ItemEmbeddings embeddings = CoreTestContext.bean(ItemEmbeddings.class);

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> embeddings.embedStale(org.id(), ids), instances);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> embeddings.embedStale(org.id(), ids.reversed()),
                    instances);

            assertThat(one.get() + other.get()).isEqualTo(ids.size());
        } finally {
            instances.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from catalogue_item_embeddings where organisation_id = ? and catalogue_item_id = any(?)")
                .params(org.id(), ids.toArray(UUID[]::new)).query(Integer.class).single()).isEqualTo(ids.size());
    }

    private UUID add(CatalogueItem item) {
        return TestCatalogue.add(org.id(), List.of(item)).get(item.key());
    }

    private Stored stored(UUID id) {
        return jdbc.sql("select model, text_hash, vector, embedded_at from catalogue_item_embeddings where catalogue_item_id = ?")
                .param(id).query((rs, row) -> new Stored(rs.getString("model"), rs.getBytes("text_hash"), rs.getBytes("vector"),
                        rs.getObject("embedded_at", OffsetDateTime.class))).single();
    }
}
