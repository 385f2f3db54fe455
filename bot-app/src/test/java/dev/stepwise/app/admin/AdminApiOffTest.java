package dev.stepwise.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In production without an admin token the admin API is off, and says how to turn it on; the demo token opens nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=production")
class AdminApiOffTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> RealServers.get().jdbcUrl());
        registry.add("stepwise.redis.url", () -> RealServers.get().redisUri());
    }

    @LocalServerPort
    int port;

    @Test
    void everyAdminPathIs404WithHowToTurnItOn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String token : new String[] {null, AdminTokens.DEMO_TOKEN}) {
            for (String path : new String[] {"/admin/api/organisations/northwind/catalogue/items/x", "/admin/api/", "/admin/api"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(response.body()).contains("The admin API is off. Set an admin token (STEPWISE_ADMIN_TOKEN) to turn it on");
            }
        }
    }
}
