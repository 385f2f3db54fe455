package dev.stepwise.core.people;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Teams {

    private final JdbcClient jdbc;

    public Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID organisationId, String key, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into teams (id, organisation_id, key, name) values (?, ?, ?, ?)")
                .params(id, organisationId, key, name).update();
        return id;
    }

    public void setManager(UUID organisationId, UUID teamId, UUID managerId) {
        jdbc.sql("update teams set manager_id = ? where id = ? and organisation_id = ?")
                .params(managerId, teamId, organisationId).update();
    }
}
