package dev.stepwise.core.people;

import dev.stepwise.core.text.Typos;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People of an organisation. Every lookup is scoped to one organisation. */
@Repository
public class People {

    private static final String SELECT = """
            select p.id, p.organisation_id, p.key, p.name, p.email, p.timezone, p.role_id, p.team_id, p.manager_id,
                   r.name as role_name, t.name as team_name
            from people p
            left join roles r on r.id = p.role_id
            left join teams t on t.id = p.team_id
            """;

    private final JdbcClient jdbc;

    public People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID organisationId, NewPerson person) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into people (id, organisation_id, key, name, email, timezone, role_id, team_id, manager_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, person.key(), person.name(), person.email().toLowerCase(Locale.ROOT),
                        person.timezone(), person.roleId(), person.teamId(), person.managerId())
                .update();
        return id;
    }

    public void setManager(UUID organisationId, UUID personId, UUID managerId) {
        jdbc.sql("update people set manager_id = ? where id = ? and organisation_id = ?")
                .params(managerId, personId, organisationId).update();
    }

    public void addIdentity(UUID organisationId, UUID personId, String platform, String externalId) {
        jdbc.sql("insert into person_identities (person_id, organisation_id, platform, external_id) values (?, ?, ?, ?)")
                .params(personId, organisationId, platform, externalId).update();
    }

    /**
     * Records that the person is this user on the platform, if neither side is linked yet (a person has one
     * identity per platform); returns whether the link now holds.
     */
    public boolean linkIdentity(UUID organisationId, UUID personId, String platform, String externalId) {
        jdbc.sql("""
                        insert into person_identities (person_id, organisation_id, platform, external_id) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(personId, organisationId, platform, externalId).update();
        return identityOf(organisationId, personId, platform).filter(externalId::equals).isPresent();
    }

    /** The person's user id on the platform (e.g. their Slack user id), if known. */
    public Optional<String> identityOf(UUID organisationId, UUID personId, String platform) {
        return jdbc.sql("select external_id from person_identities where organisation_id = ? and person_id = ? and platform = ?")
                .params(organisationId, personId, platform).query(String.class).optional();
    }

    /** The person with this email address (case-insensitive). */
    public Optional<Person> findByEmail(UUID organisationId, String email) {
        return jdbc.sql(SELECT + " where p.organisation_id = ? and lower(p.email) = lower(?)")
                .params(organisationId, email.strip()).query(Person.class).optional();
    }

    public Optional<Person> find(UUID organisationId, UUID personId) {
        return jdbc.sql(SELECT + " where p.organisation_id = ? and p.id = ?")
                .params(organisationId, personId).query(Person.class).optional();
    }

    public Optional<Person> findByIdentity(UUID organisationId, String platform, String externalId) {
        return jdbc.sql(SELECT + """
                         join person_identities i on i.person_id = p.id
                        where p.organisation_id = ? and i.platform = ? and i.external_id = ?""")
                .params(organisationId, platform, externalId).query(Person.class).optional();
    }

    /** The people whose manager is {@code managerId}, by name. */
    public List<Person> reportsOf(UUID organisationId, UUID managerId) {
        return list(organisationId).stream().filter(p -> managerId.equals(p.managerId())).toList();
    }

    public List<Person> list(UUID organisationId) {
        return jdbc.sql(SELECT + " where p.organisation_id = ? order by p.name")
                .param(organisationId).query(Person.class).list();
    }

    /**
     * People whose name or email matches what someone typed ("Ben", "@ben", "Ben Adeyemi", "ben@x.com"):
     * an exact full name or email wins; otherwise whole first or last names; otherwise name prefixes.
     */
    public List<Person> search(UUID organisationId, String typed) {
        String query = normalise(typed);
        if (query.isEmpty()) {
            return List.of();
        }
        List<Person> everyone = list(organisationId);
        List<Person> exact = everyone.stream()
                .filter(p -> normalise(p.name()).equals(query) || p.email().equalsIgnoreCase(query)
                        || p.key().equalsIgnoreCase(query))
                .toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<Person> wholeWord = everyone.stream()
                .filter(p -> List.of(normalise(p.name()).split(" ")).contains(query))
                .toList();
        if (!wholeWord.isEmpty()) {
            return wholeWord;
        }
        return everyone.stream()
                .filter(p -> normalise(p.name()).startsWith(query)
                        || List.of(normalise(p.name()).split(" ")).stream().anyMatch(w -> w.startsWith(query)))
                .toList();
    }

    /**
     * People whose first name, last name or full name is a near miss for what was typed (at most two typing
     * mistakes), closest first: the "did you mean" suggestions when {@link #search} finds no one.
     */
    public List<Person> nearMisses(UUID organisationId, String typed, int limit) {
        String query = normalise(typed);
        if (query.length() < 3) {
            return List.of();
        }
        record Scored(Person person, int distance) {
        }
        List<Scored> close = list(organisationId).stream()
                .map(p -> new Scored(p, java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(normalise(p.name())), List.of(normalise(p.name()).split(" ")).stream())
                        .mapToInt(word -> Typos.distance(word, query)).min().orElse(Integer.MAX_VALUE)))
                .filter(s -> s.distance() <= 2)
                .toList();
        // Only the closest: "Kofii" should suggest Kofi, not also Sofia two edits away.
        int best = close.stream().mapToInt(Scored::distance).min().orElse(0);
        return close.stream()
                .filter(s -> s.distance() == best)
                .sorted(java.util.Comparator.comparing(s -> s.person().name()))
                .limit(limit)
                .map(Scored::person)
                .toList();
    }

    private static String normalise(String text) {
        String trimmed = text == null ? "" : text.strip();
        while (trimmed.startsWith("@")) {
            trimmed = trimmed.substring(1);
        }
        // Accents fold away, so "Jonas" finds "Jonás" and "Sofía" finds "Sofia".
        return Typos.fold(trimmed).replaceAll("\\s+", " ");
    }
}
