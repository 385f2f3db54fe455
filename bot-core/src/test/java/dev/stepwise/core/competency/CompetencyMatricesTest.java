package dev.stepwise.core.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompetencyMatricesTest {

    private final CompetencyMatrices matrices = CoreTestContext.bean(CompetencyMatrices.class);
    private final TestOrganisation org = TestOrganisation.create();

    @Test
    void aRolesMatrixHasTheRequiredLevelAndAStatementForEachOfTheFiveStages() {
        List<Requirement> manager = matrices.forRole(org.id(), org.person("maya").roleId());
        assertThat(manager).extracting(r -> r.skill().name()).containsExactly("Coaching", "Communication", "Delegation");
        assertThat(manager).extracting(Requirement::requiredLevel)
                .containsExactly(Level.PROFICIENT, Level.PROFICIENT, Level.COMPETENT);
        assertThat(manager.getFirst().statements()).containsOnlyKeys(Level.values())
                .containsEntry(Level.NOVICE, "Follows the steps when guided.");
    }

    @Test
    void aRequirementCanBeRaisedWithoutDuplicatingIt() {
        var roleId = org.person("ben").roleId();
        var testing = matrices.forRole(org.id(), roleId).stream().filter(r -> r.skill().key().equals("testing")).findFirst().orElseThrow();
        matrices.require(org.id(), roleId, testing.skill().id(), Level.EXPERT, Map.of(Level.EXPERT, "Sets the testing strategy."));
        var raised = matrices.forRole(org.id(), roleId).stream().filter(r -> r.skill().key().equals("testing")).toList();
        assertThat(raised).singleElement().satisfies(r -> {
            assertThat(r.requiredLevel()).isEqualTo(Level.EXPERT);
            assertThat(r.statements()).containsEntry(Level.EXPERT, "Sets the testing strategy.");
        });
    }

    @Test
    void theFiveStagesAreNamedAndBounded() {
        assertThat(Level.of(1).label()).isEqualTo("Novice");
        assertThat(Level.of(2).label()).isEqualTo("Advanced Beginner");
        assertThat(Level.of(5).label()).isEqualTo("Expert");
        assertThatThrownBy(() -> Level.of(6)).hasMessageContaining("1 (Novice) to 5 (Expert)");
    }
}
