package dev.stepwise.core.testing;

import dev.stepwise.core.goals.Objective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.importing.OrganisationData;
import dev.stepwise.core.importing.OrganisationData.CatalogueData;
import dev.stepwise.core.importing.OrganisationData.GoalData;
import dev.stepwise.core.importing.OrganisationData.IdentityData;
import dev.stepwise.core.importing.OrganisationData.ObjectiveData;
import dev.stepwise.core.importing.OrganisationData.OrganisationInfo;
import dev.stepwise.core.importing.OrganisationData.PersonData;
import dev.stepwise.core.importing.OrganisationData.RequirementData;
import dev.stepwise.core.importing.OrganisationData.RoleData;
import dev.stepwise.core.importing.OrganisationData.SkillData;
import dev.stepwise.core.importing.OrganisationData.TeamData;
import dev.stepwise.core.importing.OrganisationImport;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small organisation of its own for each test, loaded through the real import: a team of five
 * (Maya manages Priya, Ben, Bea and Sam), two roles, four skills, objectives and a little catalogue.
 * Ben and Bea share a surname so "Adeyemi" is ambiguous; Sam has no objectives.
 */
public final class TestOrganisation {

    /** Where everyone in the test organisation works. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UUID id;
    private final String key;
    private final Map<String, Person> people;

    private TestOrganisation(UUID id, String key, Map<String, Person> people) {
        this.id = id;
        this.key = key;
        this.people = people;
    }

    public static TestOrganisation create() {
        String key = "test-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        var organisation = CoreTestContext.bean(OrganisationImport.class).load(data(key));
        var byKey = new java.util.HashMap<String, Person>();
        CoreTestContext.bean(People.class).list(organisation.id()).forEach(p -> byKey.put(p.key(), p));
        return new TestOrganisation(organisation.id(), key, Map.copyOf(byKey));
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public Person person(String personKey) {
        Person person = people.get(personKey);
        if (person == null) {
            throw new IllegalArgumentException("No person '" + personKey + "' in the test organisation");
        }
        return person;
    }

    public UUID personId(String personKey) {
        return person(personKey).id();
    }

    public List<Objective> objectivesOf(String personKey) {
        return CoreTestContext.bean(Objectives.class).openFor(id, personId(personKey));
    }

    /** The test organisation as an import document, under the given key. */
    public static OrganisationData data(String key) {
        Map<String, String> statements = Map.of("1", "Follows the steps when guided.", "2", "Applies it in familiar situations.",
                "3", "Does it well on their own.", "4", "Adapts it to hard situations.", "5", "Teaches others and shapes practice.");
        return new OrganisationData(
                new OrganisationInfo(key, "Org " + key, true, List.of(
                        new IdentityData("slack", "team", "T" + key.toUpperCase()),
                        new IdentityData("teams", "tenant", UUID.randomUUID().toString())), null, null),
                List.of(new SkillData("communication", "Communication", "Explains clearly."),
                        new SkillData("testing", "Testing", "Builds confidence in changes."),
                        new SkillData("coaching", "Coaching", "Helps others grow."),
                        new SkillData("delegation", "Delegation", "Hands over work well.")),
                List.of(new RoleData("engineer", "Software Engineer", List.of(
                                new RequirementData("communication", 3, statements),
                                new RequirementData("testing", 4, statements))),
                        new RoleData("manager", "Engineering Manager", List.of(
                                new RequirementData("coaching", 4, statements),
                                new RequirementData("delegation", 3, statements),
                                new RequirementData("communication", 4, statements)))),
                List.of(new GoalData("retention", "Keep our customers", "Churn under 3%")),
                List.of(new TeamData("core", "Core", "maya")),
                List.of(person("maya", "Maya Lindqvist", "manager", null),
                        person("priya", "Priya Sharma", "engineer", "maya"),
                        person("ben", "Ben Adeyemi", "engineer", "maya"),
                        person("bea", "Bea Adeyemi", "engineer", "maya"),
                        person("sam", "Sam Okoro", "engineer", "maya")),
                List.of(objective("ben", "Ship onboarding v2"),
                        objective("ben", "Cut flaky tests in half"),
                        objective("priya", "Lead the API review"),
                        objective("bea", "Mentor two new joiners"),
                        objective("maya", "Grow two engineers to senior")),
                List.of(new CatalogueData("feedback-basics", "Feedback basics", "https://learning.example/feedback-basics",
                        "Give specific feedback.", "article", List.of("communication"), 1, 2, 10, "en")));
    }

    private static PersonData person(String key, String name, String role, String manager) {
        return new PersonData(key, name, key + "@example.org", ZONE.getId(), role, "core", manager,
                List.of(new IdentityData("slack", null, "U" + key.toUpperCase() + UUID.randomUUID().toString().substring(0, 6))));
    }

    private static ObjectiveData objective(String owner, String title) {
        return new ObjectiveData(owner, title, "Measured by the team", LocalDate.of(2027, 3, 31), "active", 20,
                List.of("retention"));
    }
}
