package dev.stepwise.app.embedded;

import dev.stepwise.app.redis.RedisLocation;
import java.io.IOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/**
 * With no Redis configured, starts a real Redis server from the binary in the embedded-redis Maven artifact,
 * on a free loopback port, without persistence.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoRedisConfigured.class)
class EmbeddedRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServer server = RedisServer.builder().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        log.info("No stepwise.redis.url set: started embedded Redis on port {}", port);
        return server;
    }

    @Bean
    RedisLocation embeddedRedisLocation(RedisServer server) {
        return new RedisLocation("redis://127.0.0.1:" + server.ports().getFirst());
    }
}
