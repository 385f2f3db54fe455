package dev.stepwise.teams.connector;

import dev.stepwise.core.testing.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stepwise.teams.TeamsProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientCredentialsTokensTest {

    static final String APP_ID = "8a5f6c2e-3b1d-4e7f-9a0c-1d2e3f4a5b6c";
    static final String SECRET = "Xy8Q~a+b/c=d&e%f g.h_i";
    static final String MULTI_TENANT_PATH = "/botframework.com/oauth2/v2.0/token";
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @RegisterExtension
    static WireMockExtension entra = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final TestClock clock = TestClock.atBase();

    static String tokenAnswer(String accessToken, long expiresIn) {
        return """
                {"token_type":"Bearer","expires_in":%d,"ext_expires_in":%d,"access_token":"%s"}"""
                .formatted(expiresIn, expiresIn, accessToken);
    }

    static void stubToken(String path, String accessToken) {
        entra.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(tokenAnswer(accessToken, 3599))));
    }

    ClientCredentialsTokens tokens(String path) {
        return new ClientCredentialsTokens(http, URI.create(entra.baseUrl() + path), APP_ID, SECRET, clock);
    }

    @Test
    void asksForABotFrameworkTokenWithTheClientCredentialsGrant() {
        stubToken(MULTI_TENANT_PATH, "eyJ0eXAi.first");

        assertThat(tokens(MULTI_TENANT_PATH).accessToken()).isEqualTo("eyJ0eXAi.first");

        entra.verify(1, postRequestedFor(urlPathEqualTo(MULTI_TENANT_PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo(APP_ID))
                .withFormParam("client_secret", equalTo(SECRET))
                .withFormParam("scope", equalTo("https://api.botframework.com/.default")));
        String body = entra.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(body.split("&")).containsExactly(
                "grant_type=client_credentials",
                "client_id=" + APP_ID,
                "client_secret=Xy8Q%7Ea%2Bb%2Fc%3Dd%26e%25f+g.h_i",
                "scope=https%3A%2F%2Fapi.botframework.com%2F.default");
    }

    @Test
    void singleTenantAppsAskTheirOwnTenant() {
        stubToken("/" + TENANT + "/oauth2/v2.0/token", "single-tenant-token");

        assertThat(tokens("/" + TENANT + "/oauth2/v2.0/token").accessToken()).isEqualTo("single-tenant-token");
        entra.verify(1, postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")));
    }

    @Test
    void theDefaultEndpointFollowsTheAppType() {
        TeamsProperties multi = properties(TeamsProperties.MULTI_TENANT, null, null);
        TeamsProperties single = properties(TeamsProperties.SINGLE_TENANT, TENANT, null);
        TeamsProperties configured = properties(TeamsProperties.SINGLE_TENANT, TENANT,
                URI.create("http://localhost:8089/" + TENANT + "/oauth2/v2.0/token"));

        assertThat(multi.tokenEndpointOrDefault())
                .hasToString("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
        assertThat(single.tokenEndpointOrDefault())
                .hasToString("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token");
        assertThat(configured.tokenEndpointOrDefault()).isEqualTo(configured.tokenEndpoint());
    }

    @Test
    void reusesTheTokenUntilFiveMinutesBeforeItExpires() {
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("rotated")
                .willReturn(aResponse().withStatus(200).withBody(tokenAnswer("first", 3600))));
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).inScenario("rotation")
                .whenScenarioStateIs("rotated")
                .willReturn(aResponse().withStatus(200).withBody(tokenAnswer("second", 3600))));
        ClientCredentialsTokens tokens = tokens(MULTI_TENANT_PATH);

        for (int i = 0; i < 20; i++) {
            assertThat(tokens.accessToken()).isEqualTo("first");
        }
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(tokens.accessToken()).isEqualTo("first");
        entra.verify(1, postRequestedFor(urlPathEqualTo(MULTI_TENANT_PATH)));

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.accessToken()).isEqualTo("second");
        assertThat(tokens.accessToken()).isEqualTo("second");
        entra.verify(2, postRequestedFor(urlPathEqualTo(MULTI_TENANT_PATH)));
    }

    @Test
    void aRejectedTokenIsReplacedOnce() {
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("rotated")
                .willReturn(aResponse().withStatus(200).withBody(tokenAnswer("first", 3600))));
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).inScenario("rotation")
                .whenScenarioStateIs("rotated")
                .willReturn(aResponse().withStatus(200).withBody(tokenAnswer("second", 3600))));
        ClientCredentialsTokens tokens = tokens(MULTI_TENANT_PATH);
        String first = tokens.accessToken();

        tokens.invalidate(first);
        String second = tokens.accessToken();
        tokens.invalidate(first);

        assertThat(second).isEqualTo("second");
        assertThat(tokens.accessToken()).isEqualTo("second");
        entra.verify(2, postRequestedFor(urlPathEqualTo(MULTI_TENANT_PATH)));
    }

    @Test
    void concurrentCallersShareOneTokenRequest() throws Exception {
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).willReturn(aResponse().withStatus(200)
                .withFixedDelay(400).withBody(tokenAnswer("shared", 3599))));
        ClientCredentialsTokens tokens = tokens(MULTI_TENANT_PATH);
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> caller = () -> {
            start.await();
            return tokens.accessToken();
        };

        List<String> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> futures = IntStream.range(0, 8).mapToObj(i -> pool.submit(caller)).toList();
            start.countDown();
            answers = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }

        assertThat(answers).hasSize(8).containsOnly("shared");
        entra.verify(1, postRequestedFor(urlPathEqualTo(MULTI_TENANT_PATH)));
    }

    @Test
    void aWrongSecretFailsWithEntrasReasonButNeverTheSecret() {
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("""
                        {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. \
                        Ensure the secret being sent in the request is the client secret value, not the client secret \
                        ID, for a secret added to app '%s'.\\r\\nTrace ID: 0c1f4a2e-5d7b-4c9a-8e3f-2b1a0d9c8e7f\\r\\n\
                        Correlation ID: 6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d\\r\\nTimestamp: 2026-11-23 09:00:00Z",\
                        "error_codes":[7000215],"timestamp":"2026-11-23 09:00:00Z",\
                        "trace_id":"0c1f4a2e-5d7b-4c9a-8e3f-2b1a0d9c8e7f",\
                        "correlation_id":"6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d",\
                        "error_uri":"https://login.microsoftonline.com/error?code=7000215"}""".formatted(APP_ID))));

        assertThatThrownBy(() -> tokens(MULTI_TENANT_PATH).accessToken())
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("invalid_client");
                    assertThat(e.getMessage())
                            .contains(APP_ID, "AADSTS7000215: Invalid client secret provided", "Trace ID")
                            .doesNotContain(SECRET)
                            .doesNotContain("Xy8Q");
                });
    }

    @Test
    void anEndpointThatEchoesTheRequestDoesNotLeakTheSecret() {
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"bad form: client_secret="
                        + SECRET.replace("\"", "") + " / Xy8Q%7Ea%2Bb%2Fc%3Dd%26e%25f+g.h_i\"}")));

        assertThatThrownBy(() -> tokens(MULTI_TENANT_PATH).accessToken())
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_request");
                    assertThat(e.getMessage()).contains("bad form").doesNotContain("Xy8Q");
                });
    }

    @Test
    void anUnknownAppInASingleTenantFailsClearly() {
        String path = "/" + TENANT + "/oauth2/v2.0/token";
        entra.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(400).withBody("""
                {"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier \
                '%s' was not found in the directory 'Contoso'.","error_codes":[700016]}""".formatted(APP_ID))));

        assertThatThrownBy(() -> tokens(path).accessToken())
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo("unauthorized_client");
                    assertThat(e.getMessage()).contains(TENANT, "AADSTS700016");
                });
    }

    @Test
    void aFailedRefreshIsTriedAgainOnTheNextCall() {
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
        entra.stubFor(post(urlPathEqualTo(MULTI_TENANT_PATH)).inScenario("outage")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(tokenAnswer("after-outage", 3599))));
        ClientCredentialsTokens tokens = tokens(MULTI_TENANT_PATH);

        assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(BotConnectorException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(tokens.accessToken()).isEqualTo("after-outage");
    }

    @Test
    void aMissingSecretIsReportedAtStartup() {
        assertThatThrownBy(() -> new ClientCredentialsTokens(http, URI.create(entra.baseUrl()), APP_ID, " ", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appPassword");
    }

    private static TeamsProperties properties(String appType, String tenantId, URI tokenEndpoint) {
        return new TeamsProperties(APP_ID, SECRET, appType, tenantId,
                URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration"), tokenEndpoint,
                Duration.ofMinutes(5), 16, 10000);
    }
}
