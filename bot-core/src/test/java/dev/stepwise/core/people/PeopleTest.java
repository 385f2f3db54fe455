package dev.stepwise.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.text.Typos;
import dev.stepwise.core.testing.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class PeopleTest {

    private final People people = CoreTestContext.bean(People.class);
    private final TestOrganisation org = TestOrganisation.create();

    @Test
    void searchPrefersExactNamesThenWholeWordsThenPrefixes() {
        assertThat(people.search(org.id(), "Ben Adeyemi")).extracting(Person::key).containsExactly("ben");
        assertThat(people.search(org.id(), "@BEN")).extracting(Person::key).containsExactly("ben");
        assertThat(people.search(org.id(), "adeyemi")).extracting(Person::key).containsExactlyInAnyOrder("ben", "bea");
        assertThat(people.search(org.id(), "pri")).extracting(Person::key).containsExactly("priya");
        assertThat(people.search(org.id(), "sam@example.org")).extracting(Person::key).containsExactly("sam");
        assertThat(people.search(org.id(), "nobody")).isEmpty();
        assertThat(people.search(org.id(), "  ")).isEmpty();
    }

    @Test
    void nearMissesSuggestPeopleForATypo() {
        assertThat(people.nearMisses(org.id(), "Priay", 3)).extracting(Person::key).containsExactly("priya");
        assertThat(people.nearMisses(org.id(), "Adeyem", 3)).extracting(Person::key).containsExactly("bea", "ben");
        assertThat(people.nearMisses(org.id(), "Bne", 3)).extracting(Person::key)
                .as("only the closest: Bea is two edits away").containsExactly("ben");
        assertThat(people.nearMisses(org.id(), "Xavier", 3)).isEmpty();
        assertThat(people.nearMisses(org.id(), "Bo", 3)).as("too short to guess").isEmpty();
        assertThat(Typos.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Typos.distance("bne", "ben")).as("a swap is one typo").isEqualTo(1);
    }

    @Test
    void everyLookupStaysInsideTheOrganisation() {
        TestOrganisation other = TestOrganisation.create();
        assertThat(people.search(other.id(), "Ben Adeyemi")).extracting(Person::id).containsExactly(other.personId("ben"));
        assertThat(people.find(other.id(), org.personId("ben"))).isEmpty();
        assertThat(people.list(org.id())).hasSize(5).allMatch(p -> p.organisationId().equals(org.id()));
    }

    @Test
    void aPersonIsFoundByTheirPlatformIdentity() {
        people.addIdentity(org.id(), org.personId("sam"), "teams", "aad-sam-" + org.key());
        assertThat(people.findByIdentity(org.id(), "teams", "aad-sam-" + org.key())).map(Person::key).contains("sam");
        assertThat(people.findByIdentity(org.id(), "teams", "someone-else")).isEmpty();
    }

    @Test
    void aPersonHasOneIdentityPerPlatformAndNoIdentityIsShared() {
        people.addIdentity(org.id(), org.personId("sam"), "teams", "aad-1-" + org.key());
        assertThatThrownBy(() -> people.addIdentity(org.id(), org.personId("sam"), "teams", "aad-2-" + org.key()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> people.addIdentity(org.id(), org.personId("ben"), "teams", "aad-1-" + org.key()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aManagerMustBelongToTheSameOrganisation() {
        TestOrganisation other = TestOrganisation.create();
        assertThatThrownBy(() -> people.setManager(org.id(), org.personId("sam"), other.personId("maya")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(people.find(org.id(), org.personId("sam")).orElseThrow().managerId()).isEqualTo(org.personId("maya"));
    }

    @Test
    void rolesTeamsAndManagersAreShown() {
        Person ben = org.person("ben");
        assertThat(ben.roleName()).isEqualTo("Software Engineer");
        assertThat(ben.teamName()).isEqualTo("Core");
        assertThat(ben.managerId()).isEqualTo(org.personId("maya"));
        assertThat(ben.describe()).isEqualTo("Ben Adeyemi (Software Engineer, Core)");
    }

    @Test
    void aChannelUserIsLinkedToAPersonOnceAndFoundByEmail() {
        assertThat(people.findByEmail(org.id(), " BEN@Example.org ")).map(Person::key).contains("ben");
        assertThat(people.findByEmail(org.id(), "ben@elsewhere.org")).isEmpty();

        String teamsId = java.util.UUID.randomUUID().toString();
        assertThat(people.identityOf(org.id(), org.personId("ben"), "teams")).isEmpty();
        assertThat(people.linkIdentity(org.id(), org.personId("ben"), "teams", teamsId)).isTrue();
        assertThat(people.linkIdentity(org.id(), org.personId("ben"), "teams", teamsId)).as("again: still linked").isTrue();
        assertThat(people.identityOf(org.id(), org.personId("ben"), "teams")).contains(teamsId);
        assertThat(people.findByIdentity(org.id(), "teams", teamsId)).map(Person::key).contains("ben");

        assertThat(people.linkIdentity(org.id(), org.personId("ben"), "teams", "someone-else"))
                .as("one identity per platform").isFalse();
        assertThat(people.linkIdentity(org.id(), org.personId("sam"), "teams", teamsId))
                .as("a user is one person").isFalse();
        assertThat(people.identityOf(org.id(), org.personId("sam"), "teams")).isEmpty();
    }
}
