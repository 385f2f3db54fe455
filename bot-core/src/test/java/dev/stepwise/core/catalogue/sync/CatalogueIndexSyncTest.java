package dev.stepwise.core.catalogue.sync;

import static dev.stepwise.core.catalogue.TestCatalogue.item;
import static dev.stepwise.core.catalogue.TestCatalogue.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.TestCatalogue;
import dev.stepwise.core.catalogue.embedding.ItemEmbeddings;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every running instance's index follows changes made through any one of them, over the real Redis. */
class CatalogueIndexSyncTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);

    @Test
    void aChangeMadeOnOneInstanceIsSearchableOnTheOthers() {
        try (Instance one = Instance.start(); Instance two = Instance.start()) {
            UUID id = TestCatalogue.add(org.id(), List.of(item("negotiation", "Negotiation for engineers",
                    "Win-win negotiation at work.", "course", 1, 5, 60, "communication"))).get("negotiation");

            one.changes.apply(org.id(), List.of(id)).join();

            for (CatalogueSearch search : List.of(two.search, one.search, CoreTestContext.bean(CatalogueSearch.class))) {
                await().atMost(TestCatalogue.WAIT).until(() -> titles(search, "negotiating a deal", SearchMode.VECTOR)
                        .contains("Negotiation for engineers"));
            }

            jdbc.sql("update catalogue_items set title = 'Negotiating pay and scope' where id = ?").param(id).update();
            one.changes.apply(org.id(), List.of(id)).join();
            await().atMost(TestCatalogue.WAIT).until(() -> titles(two.search, "negotiating", SearchMode.BM25)
                    .equals(List.of("Negotiating pay and scope")));

            jdbc.sql("delete from catalogue_items where id = ?").param(id).update();
            two.changes.apply(org.id(), List.of(id)).join();
            await().atMost(TestCatalogue.WAIT).until(() -> one.indexes.size(org.id()) == 1 && two.indexes.size(org.id()) == 1);
            assertThat(titles(one.search, "negotiating", SearchMode.HYBRID)).doesNotContain("Negotiating pay and scope");
            assertThat(titles(two.search, "negotiating", SearchMode.HYBRID)).doesNotContain("Negotiating pay and scope");
        }
    }

    @Test
    void atStartAnInstanceIndexesEveryCatalogueAndEmbedsWhatWasNeverEmbedded() {
        UUID embedded = TestCatalogue.add(org.id(), List.of(item("negotiation", "Negotiation for engineers",
                "Win-win negotiation at work.", "course", 1, 5, 60, "communication"))).get("negotiation");
        TestCatalogue.announce(org.id(), List.of(embedded));
        // Added while no instance was told, e.g. by an instance that stopped before it could embed it.
        UUID missed = TestCatalogue.add(org.id(), List.of(item("budgets", "Planning a team budget",
                "Forecast costs and headcount for the year.", "article", 2, 4, 15, "delegation"))).get("budgets");

        try (Instance started = Instance.start()) {
            assertThat(started.indexes.size(org.id())).isEqualTo(3);
            assertThat(keys(started.search.search(org.id(), new SearchQuery("budget", 5, null, SearchMode.BM25))))
                    .containsExactly("budgets");
            await().atMost(TestCatalogue.WAIT).until(() -> keys(started.search.search(org.id(),
                    new SearchQuery("money for next year's headcount", 1, null, SearchMode.VECTOR))).equals(List.of("budgets")));
            assertThat(keys(started.search.search(org.id(), new SearchQuery("haggling over a deal", 1, null, SearchMode.VECTOR))))
                    .containsExactly("negotiation");
        }
        assertThat(jdbc.sql("select count(*) from catalogue_item_embeddings where catalogue_item_id = ?").param(missed)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSmallCatalogueLoadedAfterStartUpIsWholeFromItsFirstSearch() {
        // The organisation import announces nothing: "Feedback basics" has no index and no embedding yet.
        UUID basics = TestCatalogue.idOf(org.id(), "feedback-basics");
        CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);
        assertThat(jdbc.sql("select count(*) from catalogue_item_embeddings where catalogue_item_id = ?").param(basics)
                .query(Integer.class).single()).isZero();

        assertThat(keys(search.search(org.id(), new SearchQuery("telling a colleague how their work came across", 1, null,
                SearchMode.VECTOR)))).containsExactly("feedback-basics");
        assertThat(jdbc.sql("select count(*) from catalogue_item_embeddings where catalogue_item_id = ?").param(basics)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBigCatalogueLoadedAfterStartUpIsSearchableByKeywordAtOnceAndByMeaningOnceEmbedded() {
        List<CatalogueItem> items = new ArrayList<>();
        for (int i = 0; i < ItemEmbeddings.BATCH; i++) {
            items.add(item("course-" + i, "Course number " + i, "About topic " + i + ".", "course", 1, 5, 30));
        }
        TestCatalogue.add(org.id(), items);
        CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);

        // 33 items without embeddings: too many to embed before answering.
        assertThat(keys(search.search(org.id(), new SearchQuery("feedback", 5, null, SearchMode.BM25))))
                .containsExactly("feedback-basics");
        await().atMost(TestCatalogue.WAIT).until(() -> keys(search.search(org.id(),
                new SearchQuery("telling a colleague how their work came across", 1, null, SearchMode.VECTOR)))
                .equals(List.of("feedback-basics")));
        await().atMost(TestCatalogue.WAIT).until(() -> jdbc.sql("select count(*) from catalogue_item_embeddings where organisation_id = ?")
                .param(org.id()).query(Integer.class).single() == ItemEmbeddings.BATCH + 1);
    }

    @Test
    void changesMissedWhileDisconnectedFromRedisAreCaughtUpOnReconnection() {
        try (Instance instance = Instance.start()) {
            UUID basics = TestCatalogue.idOf(org.id(), "feedback-basics");
            // A change whose announcement this instance never hears...
            jdbc.sql("update catalogue_items set title = 'Feedback that lands' where id = ?").param(basics).update();
            // ...because its subscription was cut; Lettuce reconnects and subscribes again by itself.
            try (var redis = RealServers.get().connectRedis()) {
                redis.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
            }

            await().atMost(TestCatalogue.WAIT).until(() -> titles(instance.search, "feedback", SearchMode.BM25)
                    .equals(List.of("Feedback that lands")));
        }
    }

    private List<String> titles(CatalogueSearch search, String text, SearchMode mode) {
        return search.search(org.id(), new SearchQuery(text, 5, null, mode)).stream().map(SearchHit::item)
                .map(item -> item.title()).toList();
    }
}
