package dev.stepwise.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL server and a real Redis server for tests, started once per JVM from the binaries that ship
 * in Maven artifacts, migrated with the project's Flyway migrations, and stopped when the JVM exits.
 * Tests stay independent by creating their own organisation rather than by resetting the servers.
 */
public final class RealServers {

    private static RealServers instance;

    private final EmbeddedPostgres postgres;
    private final RedisServer redisServer;
    private final HikariDataSource dataSource;
    private final int redisPort;

    private RealServers() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        redisPort = freePort();
        redisServer = RedisServer.builder().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
        redisServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-test-servers"));
    }

    public static synchronized RealServers get() {
        if (instance == null) {
            try {
                instance = new RealServers();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL and Redis servers", e);
            }
        }
        return instance;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String redisUri() {
        return "redis://127.0.0.1:" + redisPort;
    }

    public StatefulRedisConnection<String, String> connectRedis() {
        return RedisClient.create(redisUri()).connect();
    }

    /** A new client of the Redis server (the core opens its pub/sub connection with one). */
    public RedisClient redisClient() {
        return RedisClient.create(redisUri());
    }

    private void stop() {
        try {
            dataSource.close();
            redisServer.stop();
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // the JVM is exiting; nothing useful to do
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
