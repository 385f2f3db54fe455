package dev.stepwise.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application as the README's run command starts it (embedded servers, demo organisation, no admin token): the
 * documented demo token opens the admin API, and only it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminDemoTokenTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDemoTokenReadsTheDemoCatalogue() throws Exception {
        HttpResponse<String> item = get("/admin/api/organisations/northwind/catalogue/items/feedback-basics", AdminTokens.DEMO_TOKEN);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.body()).contains("\"key\":\"feedback-basics\"", "\"type\":\"article\"");

        HttpResponse<String> dryRun = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/admin/api/organisations/northwind/catalogue/import?dryRun=true&format=csv"))
                .header("Authorization", "Bearer " + AdminTokens.DEMO_TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("title,url,type\nA talk,https://talks.example/a,video\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(dryRun.body()).contains("\"dryRun\":true", "\"added\":1");
    }

    @Test
    void anyOtherTokenIsRefused() throws Exception {
        assertThat(get("/admin/api/organisations/northwind/catalogue/items/feedback-basics", "stepwise-demo-admin-x").statusCode())
                .isEqualTo(401);
        assertThat(get("/admin/api/organisations/northwind/catalogue/items/feedback-basics", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
