package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.CoreTestContext;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Multi-workspace mode: an admin installs through /slack/install, Slack redirects back with a code, the app
 * exchanges it (oauth.v2.access, played by WireMock), stores the token encrypted, and then answers that
 * workspace's people with it.
 */
@TestPropertySource(properties = {"stepwise.slack.bot-token=", "stepwise.slack.client-id=1111.2222",
        "stepwise.slack.client-secret=oauth-test-secret",
        "stepwise.slack.token-encryption-key=q83vEjQ2RZq1Qs2x2ZcCk0WlW8A6cYb1m7K2fQ4xY8o="})
class SlackOAuthInstallTest extends SlackAdapterTest {

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anInstallStoresTheTokenEncryptedAndTheWorkspaceIsAnsweredWithIt() throws Exception {
        String team = "T" + org.key().toUpperCase();
        String token = "xoxb-" + org.key() + "-installed-token";

        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/install"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isIn(200, 302);
        String authorize = start.statusCode() == 302 ? start.headers().firstValue("Location").orElseThrow() : start.body();
        Matcher state = Pattern.compile("state=([A-Za-z0-9_\\-]+)").matcher(URLDecoder.decode(authorize, StandardCharsets.UTF_8));
        assertThat(state.find()).as("the authorize link carries a state: %s", authorize).isTrue();
        assertThat(authorize).contains("client_id=1111.2222", "chat%3Awrite");
        List<String> cookies = start.headers().allValues("Set-Cookie");
        String cookie = cookies.stream().map(HttpCookie::parse).flatMap(List::stream)
                .map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElse("");

        SlackStandIn.ok("oauth.v2.access", "\"access_token\":\"" + token + "\",\"token_type\":\"bot\","
                + "\"scope\":\"chat:write,commands,im:history\",\"bot_user_id\":\"" + SlackStandIn.BOT_USER + "\","
                + "\"app_id\":\"A0STEPWISE\",\"team\":{\"name\":\"Northwind\",\"id\":\"" + team + "\"},\"enterprise\":null,"
                + "\"authed_user\":{\"id\":\"U0ADMIN\",\"scope\":\"\",\"token_type\":\"user\"},\"is_enterprise_install\":false");
        SlackStandIn.ok("auth.test", "\"url\":\"https://northwind.slack.com/\",\"team\":\"Northwind\",\"user\":\"stepwise\","
                + "\"team_id\":\"" + team + "\",\"user_id\":\"" + SlackStandIn.BOT_USER + "\",\"bot_id\":\"B0STEP\","
                + "\"is_enterprise_install\":false");

        HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/slack/oauth_redirect?code=4724469134.4644010092847.abc&state=" + state.group(1)))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).isIn(200, 302);
        assertThat(awaitCall("oauth.v2.access", c -> "4724469134.4644010092847.abc".equals(c.get("code")))).isNotNull();

        JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);
        List<Map<String, Object>> rows = jdbc.sql("select * from slack_bots where team_id = ?").param(team).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token));

        slack.json(payloads.directMessage(SlackPayloads.newEventId(), slackUser("ben"), "D0BENOAUTH", "my goals"));
        Map<String, String> answer = awaitCall("chat.postMessage", c -> "D0BENOAUTH".equals(c.get("channel")));
        assertThat(answer.get("_authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void aCallbackWithAForgedStateInstallsNothing() throws Exception {
        HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/slack/oauth_redirect?code=forged&state=not-issued-by-us")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).isLessThan(500);
        Thread.sleep(300);
        assertThat(calls("oauth.v2.access")).noneMatch(c -> "forged".equals(c.get("code")));
    }
}
