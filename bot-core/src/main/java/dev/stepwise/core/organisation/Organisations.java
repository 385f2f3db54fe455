package dev.stepwise.core.organisation;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Organisations {

    private final JdbcClient jdbc;

    public Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Organisation create(String key, String name, boolean anonymousFeedbackAllowed) {
        var organisation = new Organisation(UUID.randomUUID(), key, name, anonymousFeedbackAllowed);
        jdbc.sql("insert into organisations (id, key, name, anonymous_feedback_allowed) values (?, ?, ?, ?)")
                .params(organisation.id(), key, name, anonymousFeedbackAllowed)
                .update();
        return organisation;
    }

    public void addIdentity(UUID organisationId, ChannelIdentity identity) {
        jdbc.sql("insert into organisation_identities (organisation_id, platform, kind, external_id) values (?, ?, ?, ?)")
                .params(organisationId, identity.platform(), identity.kind(), identity.externalId())
                .update();
    }

    public Optional<Organisation> find(UUID id) {
        return jdbc.sql("select id, key, name, anonymous_feedback_allowed from organisations where id = ?")
                .param(id).query(Organisation.class).optional();
    }

    public Optional<Organisation> findByKey(String key) {
        return jdbc.sql("select id, key, name, anonymous_feedback_allowed from organisations where key = ?")
                .param(key).query(Organisation.class).optional();
    }

    public Optional<Organisation> findByIdentity(ChannelIdentity identity) {
        return jdbc.sql("""
                        select o.id, o.key, o.name, o.anonymous_feedback_allowed
                        from organisations o join organisation_identities i on i.organisation_id = o.id
                        where i.platform = ? and i.kind = ? and i.external_id = ?""")
                .params(identity.platform(), identity.kind(), identity.externalId())
                .query(Organisation.class).optional();
    }

    /**
     * Sets the organisation's privacy rules; a null leaves that rule as it is. Refuses values the rules don't have.
     *
     * @param anonymityThreshold    at least 2
     * @param managerFeedbackAccess {@code shared} or {@code named}
     */
    public void setPrivacy(UUID organisationId, Integer anonymityThreshold, String managerFeedbackAccess) {
        if (anonymityThreshold != null && anonymityThreshold < 2) {
            throw new IllegalArgumentException("anonymityThreshold must be at least 2, so that one answer never stands alone; was "
                    + anonymityThreshold);
        }
        if (managerFeedbackAccess != null && !java.util.Set.of("shared", "named").contains(managerFeedbackAccess)) {
            throw new IllegalArgumentException("managerFeedbackAccess must be 'shared' or 'named', was '" + managerFeedbackAccess + "'");
        }
        jdbc.sql("""
                        update organisations set anonymity_threshold = coalesce(?, anonymity_threshold),
                                                 manager_feedback_access = coalesce(?, manager_feedback_access)
                        where id = ?""")
                .params(anonymityThreshold, managerFeedbackAccess, organisationId).update();
    }

    /** How many people must have answered an anonymous request before anything of it is shown. */
    public int anonymityThreshold(UUID organisationId) {
        return jdbc.sql("select anonymity_threshold from organisations where id = ?").param(organisationId)
                .query(Integer.class).optional().orElse(3);
    }

    /** How the platforms name this organisation (e.g. its Slack team and enterprise ids). */
    public java.util.List<ChannelIdentity> identities(UUID organisationId, String platform) {
        return jdbc.sql("""
                        select platform, kind, external_id from organisation_identities
                        where organisation_id = ? and platform = ? order by kind, external_id""")
                .params(organisationId, platform).query(ChannelIdentity.class).list();
    }
}
