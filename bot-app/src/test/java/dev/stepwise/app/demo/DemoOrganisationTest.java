package dev.stepwise.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.importing.OrganisationData;
import dev.stepwise.core.importing.OrganisationImport;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo organisation is rich enough to try every flow: what the foundation issue promises of it. */
class DemoOrganisationTest {

    private static OrganisationData demo;

    @BeforeAll
    static void read() throws IOException {
        demo = OrganisationImport.read(DemoOrganisationTest.class.getResourceAsStream("/demo/northwind.json"));
    }

    @Test
    void atLeastEightPeopleInTwoTeamsWithManagers() {
        assertThat(demo.people()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(demo.teams()).hasSize(2).allSatisfy(team -> {
            assertThat(team.manager()).isNotNull();
            assertThat(demo.people()).anySatisfy(p -> {
                assertThat(p.key()).isEqualTo(team.manager());
                assertThat(p.team()).isEqualTo(team.key());
            });
        });
        for (var team : demo.teams()) {
            assertThat(demo.people().stream().filter(p -> team.key().equals(p.team()))
                    .filter(p -> !p.key().equals(team.manager()))
                    .allMatch(p -> team.manager().equals(p.manager()))).as("members of %s report to its manager", team.key()).isTrue();
        }
    }

    @Test
    void threeRolesWithMatricesOverAtLeastEightSkillsAndAStatementPerStage() {
        assertThat(demo.roles()).hasSize(3);
        Set<String> skillsUsed = demo.roles().stream().flatMap(r -> r.requirements().stream())
                .map(OrganisationData.RequirementData::skill).collect(Collectors.toSet());
        assertThat(skillsUsed).hasSizeGreaterThanOrEqualTo(8);
        demo.roles().forEach(role -> role.requirements().forEach(requirement ->
                assertThat(requirement.statements()).as("%s / %s", role.key(), requirement.skill())
                        .containsOnlyKeys("1", "2", "3", "4", "5")
                        .allSatisfy((level, statement) -> assertThat(statement).isNotBlank())));
    }

    @Test
    void threeBusinessGoalsAndObjectivesForEveryoneTiedToThem() {
        assertThat(demo.businessGoals()).hasSize(3);
        Set<String> owners = demo.objectives().stream().map(OrganisationData.ObjectiveData::owner).collect(Collectors.toSet());
        assertThat(owners).containsAll(demo.people().stream().map(OrganisationData.PersonData::key).toList());
        assertThat(demo.objectives()).allSatisfy(o -> assertThat(o.businessGoals()).isNotEmpty());
    }

    @Test
    void aCatalogueOfSixtyPlusItemsOfEveryKindCoveringEverySkillAtAllFiveStages() {
        assertThat(demo.catalogue()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(demo.catalogue().stream().map(OrganisationData.CatalogueData::type).collect(Collectors.toSet()))
                .contains("course", "article", "practice", "stretch-assignment", "coaching");
        Set<Integer> levels = new HashSet<>();
        demo.catalogue().forEach(item -> IntStream.rangeClosed(item.levelMin(), item.levelMax()).forEach(levels::add));
        assertThat(levels).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        Map<String, Long> perSkill = demo.catalogue().stream().flatMap(item -> item.skills().stream())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(perSkill.keySet()).containsAll(demo.skills().stream().map(OrganisationData.SkillData::key).toList());
        assertThat(demo.catalogue().stream().map(OrganisationData.CatalogueData::url).filter(Objects::nonNull).distinct())
                .hasSize(demo.catalogue().size());
    }
}
