package dev.stepwise.core.catalogue;

import static org.awaitility.Awaitility.await;

import dev.stepwise.core.catalogue.index.CatalogueIndexes;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.sync.CatalogueChanges;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalogue items for search tests, added to a test organisation (skills communication, testing, coaching,
 * delegation; it already holds "Feedback basics") the way the importer does it: rows, then {@link CatalogueUpdates}.
 */
public final class TestCatalogue {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private TestCatalogue() {
    }

    public static CatalogueItem item(String key, String title, String description, String type, int levelMin, int levelMax,
                                     Integer minutes, String... skills) {
        return new CatalogueItem(null, key, title, "https://learning.example/" + key, description, type, levelMin, levelMax,
                minutes, "en", List.of(skills));
    }

    /** A small, realistic catalogue: people skills, engineering, and two science courses that match nothing asked. */
    public static List<CatalogueItem> realistic() {
        return List.of(
                item("difficult-feedback", "Giving difficult feedback",
                        "Prepare for and hold the conversations nobody wants to have: describe the behaviour and its impact, "
                                + "listen, agree next steps. For managers and peers giving critical feedback.",
                        "course", 2, 4, 45, "communication", "coaching"),
                item("chemistry", "Principles of Chemical Science",
                        "Atomic and molecular electronic structure, thermodynamics, acid-base and redox equilibria, chemical "
                                + "kinetics and catalysis.", "course", 1, 3, 600),
                item("thermodynamics", "Statistical Thermodynamics",
                        "Partition functions, ensembles and the statistical basis of entropy.", "course", 4, 5, 900),
                item("coaching-video", "Coaching conversations for new managers",
                        "Ask open questions, let people find their own answers, and follow up.", "video", 1, 2, 20, "coaching"),
                item("delegating", "Delegating without micromanaging",
                        "Hand over outcomes, not tasks: agree what done looks like and when to check in.",
                        "article", 2, 3, 10, "delegation"),
                item("unit-testing", "Unit testing in practice",
                        "Write fast, focused tests around a legacy module, with a reviewer.", "practice", 1, 3, 90, "testing"),
                item("stretch-lead", "Lead the next incident review",
                        "A stretch assignment: run the review, write it up, present what changes.", "stretch-assignment", 3, 5,
                        null, "delegation", "communication"),
                item("speaking", "Public speaking for engineers",
                        "Structure a talk, handle questions, calm your nerves.", "course", 1, 5, 120, "communication"),
                // The same course twice, as real exports have it.
                item("difficult-feedback-2024", "Giving Difficult Feedback",
                        "Prepare for and hold the conversations nobody wants to have: describe the behaviour and its impact, "
                                + "listen, agree next steps.", "course", 2, 4, 45, "communication"));
    }

    /** Adds the items to the organisation's catalogue; their ids by key. */
    public static Map<String, UUID> add(UUID organisationId, Collection<CatalogueItem> items) {
        Map<String, UUID> skillIds = CoreTestContext.bean(Skills.class).list(organisationId).stream()
                .collect(Collectors.toMap(Skill::key, Skill::id));
        Catalogue catalogue = CoreTestContext.bean(Catalogue.class);
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (CatalogueItem item : items) {
            ids.put(item.key(), catalogue.add(organisationId, item, skillIds));
        }
        return ids;
    }

    /** Tells the core the items changed and waits until they are embedded and announced. */
    public static int announce(UUID organisationId, Collection<UUID> ids) {
        try {
            return CoreTestContext.bean(CatalogueChanges.class).apply(organisationId, ids).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Catalogue changes were not applied", e);
        }
    }

    /** A test organisation with {@link #realistic()} added, announced and indexed; the ids of all its items by key. */
    public static Map<String, UUID> realisticIn(TestOrganisation org) {
        Map<String, UUID> ids = new LinkedHashMap<>(add(org.id(), realistic()));
        announce(org.id(), ids.values());
        ids.put("feedback-basics", idOf(org.id(), "feedback-basics"));
        awaitIndexed(CoreTestContext.bean(CatalogueIndexes.class), org.id(), ids.size());
        return ids;
    }

    public static void awaitIndexed(CatalogueIndexes indexes, UUID organisationId, int items) {
        await().atMost(WAIT).until(() -> indexes.size(organisationId) == items);
    }

    public static UUID idOf(UUID organisationId, String key) {
        return CoreTestContext.bean(JdbcClient.class).sql("select id from catalogue_items where organisation_id = ? and key = ?")
                .params(organisationId, key).query(UUID.class).single();
    }

    public static List<String> keys(List<SearchHit> hits) {
        List<String> keys = new ArrayList<>();
        hits.forEach(hit -> keys.add(hit.item().key()));
        return keys;
    }
}
