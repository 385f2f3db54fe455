package dev.stepwise.core.goals;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BusinessGoals {

    private final JdbcClient jdbc;

    public BusinessGoals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID organisationId, String key, String title, String description) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into business_goals (id, organisation_id, key, title, description) values (?, ?, ?, ?, ?)")
                .params(id, organisationId, key, title, description == null ? "" : description).update();
        return id;
    }
}
