package dev.stepwise.core.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.Catalogue;
import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueUpdates;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.plan.Plans;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suggestions sized to a skill gap: level-aware, mixed (learning, workplace activity, mentor), each addable to the plan. */
class SuggestionsTest {

    private TestOrganisation org;
    private ConversationTester chat;

    @BeforeEach
    void catalogue() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        add(item("talk-basics", "Communication basics for new speakers", "course", 1, 2, 30),
                item("talk-stories", "Tell a story with data: communication that lands", "course", 3, 4, 90),
                item("talk-allhands", "Present at the next all-hands (stretch assignment)", "stretch-assignment", 3, 5, 120),
                item("talk-expert", "Keynote masterclass", "video", 5, 5, 60),
                item("chem", "Organic chemistry", "course", 1, 5, 600));
    }

    private static CatalogueItem item(String key, String title, String type, int min, int max, int minutes) {
        return new CatalogueItem(null, key, title, "https://learning.example/" + key,
                "Communication skills: " + title.toLowerCase(), type, min, max, minutes, "en",
                key.equals("chem") ? List.of() : List.of("communication"));
    }

    private void add(CatalogueItem... items) {
        Map<String, UUID> skillIds = CoreTestContext.bean(Skills.class).list(org.id()).stream().collect(Collectors.toMap(Skill::key, Skill::id));
        List<UUID> ids = new ArrayList<>();
        for (CatalogueItem item : items) {
            ids.add(CoreTestContext.bean(Catalogue.class).add(org.id(), item, skillIds));
        }
        CoreTestContext.bean(CatalogueUpdates.class).changed(org.id(), ids);
        var search = CoreTestContext.bean(CatalogueSearch.class);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (search.search(org.id(), SearchQuery.of("communication", 20)).size() < items.length - 1) {
            assertThat(System.nanoTime() - deadline).as("index caught up within 20 s").isNegative();
            Thread.onSpinWait();
        }
    }

    @Test
    void suggestionsFitTheNextStageAndMixLearningWithAWorkplaceActivity() {
        var priya = chat.as("priya");
        priya.says("how can I get better at communication?").expectReply("Where are you on **Communication** today?");
        priya.press("Competent");

        String shown = priya.lastText();
        assertThat(shown).contains("from Competent towards Proficient", "Tell a story with data", "Present at the next all-hands",
                "Builds Communication from Competent towards Proficient", "Add to plan: Tell a story with data")
                .doesNotContain("Communication basics for new speakers", "Keynote masterclass", "Organic chemistry");

        priya.press(priya.choiceLabels().stream().filter(l -> l.startsWith("Add to plan: Present at the next all-hands"))
                        .findFirst().orElseThrow()).expectReply("Added **Present at the next all-hands");
        assertThat(CoreTestContext.bean(Plans.class).forPerson(org.id(), org.personId("priya")))
                .extracting(p -> p.title()).contains("Present at the next all-hands (stretch assignment)");
    }

    @Test
    void aMentorWhoOptedInAndIsStrongIsSuggestedAndCanBeAsked() {
        chat.as("maya").says("I can mentor communication").expectReply("I'll suggest you as a mentor in **Communication**");
        var jdbc = CoreTestContext.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        UUID skill = CoreTestContext.bean(Skills.class).list(org.id()).stream().filter(s -> s.key().equals("communication"))
                .findFirst().orElseThrow().id();
        for (String giver : List.of("ben", "sam")) {
            UUID item = UUID.randomUUID();
            // Two Proficient ratings from colleagues: strong in the skill.
            jdbc.sql("insert into feedback_items (id, organisation_id, giver_id, receiver_id, text) values (?, ?, ?, ?, 'Great talk')")
                    .params(item, org.id(), org.personId(giver), org.personId("maya")).update();
            jdbc.sql("insert into feedback_item_skills (feedback_item_id, skill_id, organisation_id, rating) values (?, ?, ?, 4)")
                    .params(item, skill, org.id()).update();
        }

        var priya = chat.as("priya");
        priya.says("suggest learning for communication").press("Advanced Beginner");
        assertThat(priya.lastText()).contains("Maya Lindqvist is strong in Communication and offered to mentor it", "[Ask Maya to mentor me]");
        priya.press("Ask Maya to mentor me").expectReply("I've let **Maya Lindqvist** know");
        assertThat(chat.inboxOf("maya").getLast()).contains("Priya Sharma", "would like your mentoring in **Communication**");
    }

    @Test
    void anUnknownSkillOffersTheOrganisationsSkills() {
        chat.as("priya").says("suggest learning for juggling").expectReply("I couldn't find a skill called **juggling**", "Communication");
    }
}
