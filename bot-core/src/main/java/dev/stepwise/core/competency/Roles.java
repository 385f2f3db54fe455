package dev.stepwise.core.competency;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Roles {

    private final JdbcClient jdbc;

    public Roles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID organisationId, String key, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into roles (id, organisation_id, key, name) values (?, ?, ?, ?)")
                .params(id, organisationId, key, name).update();
        return id;
    }
}
