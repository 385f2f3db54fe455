package dev.stepwise.core.importing;

import dev.stepwise.core.catalogue.Catalogue;
import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.competency.CompetencyMatrices;
import dev.stepwise.core.competency.Level;
import dev.stepwise.core.competency.Roles;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.goals.BusinessGoals;
import dev.stepwise.core.goals.NewObjective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.organisation.ChannelIdentity;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.NewPerson;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Teams;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Loads a whole organisation from an {@link OrganisationData} JSON document, in one transaction. */
@Service
public class OrganisationImport {

    private static final Logger log = LoggerFactory.getLogger(OrganisationImport.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Organisations organisations;
    private final Skills skills;
    private final Roles roles;
    private final CompetencyMatrices matrices;
    private final BusinessGoals goals;
    private final Teams teams;
    private final People people;
    private final Objectives objectives;
    private final Catalogue catalogue;
    private final TransactionTemplate transaction;

    public OrganisationImport(Organisations organisations, Skills skills, Roles roles, CompetencyMatrices matrices,
                              BusinessGoals goals, Teams teams, People people, Objectives objectives,
                              Catalogue catalogue, TransactionTemplate transaction) {
        this.organisations = organisations;
        this.skills = skills;
        this.roles = roles;
        this.matrices = matrices;
        this.goals = goals;
        this.teams = teams;
        this.people = people;
        this.objectives = objectives;
        this.catalogue = catalogue;
        this.transaction = transaction;
    }

    public static OrganisationData read(InputStream json) throws IOException {
        try (json) {
            return JSON.readValue(json, OrganisationData.class);
        }
    }

    /** Loads the organisation unless one with the same key exists; returns the organisation either way. */
    public Organisation loadIfAbsent(OrganisationData data) {
        Optional<Organisation> existing = organisations.findByKey(data.organisation().key());
        if (existing.isPresent()) {
            log.info("Organisation '{}' is already loaded; leaving it as it is", data.organisation().key());
            return existing.get();
        }
        return load(data);
    }

    public Organisation load(OrganisationData data) {
        Organisation organisation = transaction.execute(status -> insert(data));
        log.info("Loaded organisation '{}': {} people, {} skills, {} roles, {} objectives, {} catalogue items",
                organisation.key(), data.people().size(), data.skills().size(), data.roles().size(),
                data.objectives().size(), data.catalogue().size());
        return organisation;
    }

    private Organisation insert(OrganisationData data) {
        var info = data.organisation();
        Organisation organisation = organisations.create(info.key(), info.name(), info.anonymousFeedbackAllowed());
        UUID org = organisation.id();
        if (info.anonymityThreshold() != null || info.managerFeedbackAccess() != null) {
            organisations.setPrivacy(org, info.anonymityThreshold(), info.managerFeedbackAccess());
        }
        for (var identity : info.identities()) {
            organisations.addIdentity(org, new ChannelIdentity(identity.platform(), identity.kind(), identity.externalId()));
        }

        Map<String, UUID> skillIds = new HashMap<>();
        data.skills().forEach(s -> skillIds.put(s.key(), skills.add(org, s.key(), s.name(), s.description())));

        Map<String, UUID> roleIds = new HashMap<>();
        for (var role : data.roles()) {
            UUID roleId = roles.add(org, role.key(), role.name());
            roleIds.put(role.key(), roleId);
            for (var requirement : role.requirements()) {
                Map<Level, String> statements = new EnumMap<>(Level.class);
                requirement.statements().forEach((level, text) -> statements.put(Level.of(Integer.parseInt(level)), text));
                matrices.require(org, roleId, lookup(skillIds, requirement.skill(), "skill"),
                        Level.of(requirement.requiredLevel()), statements);
            }
        }

        Map<String, UUID> goalIds = new HashMap<>();
        data.businessGoals().forEach(g -> goalIds.put(g.key(), goals.add(org, g.key(), g.title(), g.description())));

        Map<String, UUID> teamIds = new HashMap<>();
        data.teams().forEach(t -> teamIds.put(t.key(), teams.add(org, t.key(), t.name())));

        Map<String, UUID> personIds = new HashMap<>();
        for (var person : data.people()) {
            UUID roleId = person.role() == null ? null : lookup(roleIds, person.role(), "role");
            UUID teamId = person.team() == null ? null : lookup(teamIds, person.team(), "team");
            UUID id = people.add(org, new NewPerson(person.key(), person.name(), person.email(),
                    person.timezone() == null ? "UTC" : person.timezone(), roleId, teamId, null));
            personIds.put(person.key(), id);
            for (var identity : Optional.ofNullable(person.identities()).orElse(List.of())) {
                people.addIdentity(org, id, identity.platform(), identity.externalId());
            }
        }
        for (var person : data.people()) {
            if (person.manager() != null) {
                people.setManager(org, personIds.get(person.key()), lookup(personIds, person.manager(), "manager"));
            }
        }
        for (var team : data.teams()) {
            if (team.manager() != null) {
                teams.setManager(org, teamIds.get(team.key()), lookup(personIds, team.manager(), "team manager"));
            }
        }

        for (var objective : data.objectives()) {
            List<UUID> goalsOfObjective = objective.businessGoals().stream().map(g -> lookup(goalIds, g, "business goal")).toList();
            objectives.add(org, new NewObjective(lookup(personIds, objective.owner(), "objective owner"), objective.title(),
                    objective.measure(), objective.due(), objective.status(), objective.progress(), goalsOfObjective));
        }

        for (var item : data.catalogue()) {
            catalogue.add(org, new CatalogueItem(null, item.key(), item.title(), item.url(), item.description(), item.type(),
                    item.levelMin(), item.levelMax(), item.durationMinutes(),
                    item.language() == null ? "en" : item.language(), item.skills()), skillIds);
        }
        return organisation;
    }

    private static UUID lookup(Map<String, UUID> ids, String key, String what) {
        UUID id = ids.get(key);
        if (id == null) {
            throw new IllegalArgumentException("The " + what + " '" + key + "' is named but not defined");
        }
        return id;
    }
}
