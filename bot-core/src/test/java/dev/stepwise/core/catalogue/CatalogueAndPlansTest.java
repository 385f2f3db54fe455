package dev.stepwise.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.plan.PlanItem;
import dev.stepwise.core.plan.Plans;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class CatalogueAndPlansTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final Catalogue catalogue = CoreTestContext.bean(Catalogue.class);
    private final Skills skills = CoreTestContext.bean(Skills.class);

    @Test
    void itemsAreFoundBySkillAndStage() {
        UUID communication = skillId("communication");
        catalogue.add(org.id(), item("talk-advanced", "Running hard conversations", 4, 5, 90), Map.of("communication", communication));

        assertThat(catalogue.forSkillAtLevel(org.id(), communication, 1)).extracting(CatalogueItem::key).containsExactly("feedback-basics");
        assertThat(catalogue.forSkillAtLevel(org.id(), communication, 5)).extracting(CatalogueItem::key).containsExactly("talk-advanced");
        assertThat(catalogue.forSkillAtLevel(org.id(), communication, 3)).isEmpty();
        assertThat(catalogue.forSkillAtLevel(TestOrganisation.create().id(), communication, 1)).isEmpty();
    }

    @Test
    void impossibleLevelRangesAndUnknownSkillsAreRefused() {
        assertThatThrownBy(() -> catalogue.add(org.id(), item("backwards", "Backwards", 4, 2, 10), Map.of("communication", skillId("communication"))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> catalogue.add(org.id(), item("nameless", "Nameless", 1, 2, 10), Map.of()))
                .hasMessageContaining("unknown skill 'communication'");
    }

    @Test
    void aPlanHoldsCatalogueItemsAndOtherActivities() {
        Plans plans = CoreTestContext.bean(Plans.class);
        UUID communication = skillId("communication");
        UUID basics = catalogue.forSkillAtLevel(org.id(), communication, 1).getFirst().id();
        plans.add(org.id(), org.personId("ben"), basics, communication, "Read: Feedback basics", LocalDate.of(2027, 1, 15));
        plans.add(org.id(), org.personId("ben"), null, null, "Shadow Maya in a 1:1", null);

        assertThat(plans.forPerson(org.id(), org.personId("ben"))).extracting(PlanItem::title, PlanItem::status)
                .containsExactly(tuple("Read: Feedback basics", "planned"),
                        tuple("Shadow Maya in a 1:1", "planned"));
        assertThat(plans.forPerson(org.id(), org.personId("priya"))).isEmpty();
    }

    private UUID skillId(String key) {
        return skills.list(org.id()).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().id();
    }

    private static CatalogueItem item(String key, String title, int min, int max, int minutes) {
        return new CatalogueItem(null, key, title, "https://learning.example/" + key, "About " + title, "course",
                min, max, minutes, "en", List.of("communication"));
    }
}
