package dev.stepwise.teams.auth;

import dev.stepwise.core.testing.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.stepwise.teams.auth.BotFrameworkTokenMinter.KEYS_PATH;
import static dev.stepwise.teams.auth.BotFrameworkTokenMinter.METADATA_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BotFrameworkTokensTest {

    static final String APP_ID = "4c33c421-f7d3-4b6c-992b-36e7e6de8761";
    static final String SERVICE_URL = "https://smba.trafficmanager.net/amer/";
    static final String TEAMS = "msteams";
    static final Duration SKEW = Duration.ofMinutes(5);
    static final Instant START = TestClock.base().toInstant();

    static WireMockServer wireMock;
    static HttpClient http;
    /** Generating RSA keys is slow-ish: one spare key, never published, for the tests that need a stranger. */
    static BotFrameworkTokenMinter.Key strangerKey;

    TestClock clock;
    BotFrameworkTokenMinter minter;
    BotFrameworkKeys keys;
    BotFrameworkTokens tokens;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        strangerKey = BotFrameworkTokenMinter.newKey("stranger");
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void setUp() {
        wireMock.resetAll();
        clock = new TestClock(START);
        minter = new BotFrameworkTokenMinter(clock).serveOn(wireMock);
        keys = new BotFrameworkKeys(http, minter.metadataUrl(), clock);
        tokens = new BotFrameworkTokens(keys, APP_ID, clock, SKEW);
    }

    TokenVerdict verify(String header) {
        return tokens.verify(header, SERVICE_URL, TEAMS);
    }

    static void assertRefused(TokenVerdict verdict, int status, String reason) {
        assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(status);
            assertThat(refused.reason()).contains(reason);
        });
    }

    static void assertAccepted(TokenVerdict verdict) {
        assertThat(verdict).isInstanceOf(TokenVerdict.Accepted.class);
    }

    int metadataFetches() {
        return wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(METADATA_PATH)).build()).getCount();
    }

    int keySetFetches() {
        return wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(KEYS_PATH)).build()).getCount();
    }

    @Test
    void acceptsAValidTokenAndReportsItsAudienceAndExpiry() {
        TokenVerdict verdict = verify(minter.bearer(APP_ID, SERVICE_URL));

        assertThat(verdict).isEqualTo(new TokenVerdict.Accepted(APP_ID, START.plus(Duration.ofHours(1))));
        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void comparesTheServiceUrlIgnoringCaseAndOneTrailingSlash() {
        String token = minter.bearer(APP_ID, "https://smba.trafficmanager.net/amer/");

        assertAccepted(tokens.verify(token, "https://SMBA.trafficmanager.net/amer", TEAMS));
        assertAccepted(tokens.verify(token, "https://smba.trafficmanager.net/amer/", TEAMS));
        assertRefused(tokens.verify(token, "https://smba.trafficmanager.net/amer//", TEAMS), 401, "serviceurl");
        assertRefused(tokens.verify(token, "https://smba.trafficmanager.net/emea/", TEAMS), 401, "serviceurl");
    }

    @Test
    void acceptsAnAudienceListThatContainsTheAppId() {
        assertAccepted(verify(minter.claims(APP_ID, SERVICE_URL).audience("someone-else", APP_ID).bearer()));
    }

    @Test
    void acceptsTheBearerSchemeInAnyCase() {
        assertAccepted(verify("bearer " + minter.token(APP_ID, SERVICE_URL)));
    }

    @Nested
    class Refuses {

        @Test
        void aMissingHeader() {
            assertRefused(verify(null), 401, "no Authorization header");
            assertRefused(verify(""), 401, "no Authorization header");
        }

        @Test
        void aSchemeOtherThanBearer() {
            assertRefused(verify("Basic " + minter.token(APP_ID, SERVICE_URL)), 401, "not Bearer");
            assertRefused(verify(minter.token(APP_ID, SERVICE_URL)), 401, "not Bearer");
        }

        @Test
        void garbageWithoutLeakingItIntoTheReason() {
            String truncated = minter.token(APP_ID, SERVICE_URL).substring(0, 40);
            for (String garbage : List.of("abc", "a.b.c", "secret-ish.stuff", truncated)) {
                TokenVerdict verdict = verify("Bearer " + garbage);
                assertRefused(verdict, 401, "malformed token");
                assertThat(((TokenVerdict.Refused) verdict).reason()).doesNotContain(garbage);
            }
            assertRefused(verify("Bearer "), 401, "malformed token");
        }

        @Test
        void anUnsecuredTokenBeforeLookingUpAnyKey() {
            String none = minter.claims(APP_ID, SERVICE_URL).unsecuredToken();
            assertThat(none).endsWith(".");   // header.payload. with an empty signature

            assertRefused(verify("Bearer " + none), 401, "not accepted (RS256 only)");
            assertThat(metadataFetches()).isZero();
        }

        @Test
        void anHs256TokenForgedWithThePublicKeyAsSecret() {
            var claims = minter.claims(APP_ID, SERVICE_URL);
            byte[] pem = minter.key().publicKeyPem().getBytes(StandardCharsets.US_ASCII);
            String jwkJson = JSONObjectUtils.toJSONString(minter.key().publicJwk());

            assertRefused(verify("Bearer " + claims.hs256Token(pem)), 401, "HS256 not accepted");
            assertRefused(verify("Bearer " + claims.hs256Token(minter.key().modulusBytes())), 401, "HS256");
            byte[] jwk = jwkJson.getBytes(StandardCharsets.UTF_8);
            assertRefused(verify("Bearer " + claims.hs256Token(jwk)), 401, "HS256");
            assertThat(metadataFetches()).isZero();
        }

        @Test
        void anotherAlgorithmEvenWithTheRightKey() throws Exception {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(minter.key().kid()).build(),
                    JWTClaimsSet.parse(parsePayload(minter.token(APP_ID, SERVICE_URL))));
            jwt.sign(new RSASSASigner(minter.key().rsa()));

            assertRefused(verify("Bearer " + jwt.serialize()), 401, "PS256 not accepted");
        }

        @Test
        void aWrongIssuer() {
            String aadIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).issuer(aadIssuer).bearer()), 401, "issuer");
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).issuer("https://api.botframework.com/").bearer()),
                    401, "issuer");
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).issuer(null).bearer()), 401, "issuer");
        }

        @Test
        void aWrongOrMissingAudience() {
            assertRefused(verify(minter.bearer("4c0039e5-6816-48e8-b313-f77691ff1c5e", SERVICE_URL)), 401, "audience");
            assertRefused(verify(minter.bearer(APP_ID.toUpperCase(), SERVICE_URL)), 401, "audience");
            String noAudience = minter.claims(APP_ID, SERVICE_URL).audience((String[]) null).bearer();
            assertRefused(verify(noAudience), 401, "audience");
        }

        @Test
        void aTokenExpiredBeyondTheSkew() {
            Instant exp = START.minus(SKEW).minusSeconds(1);
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).expiresAt(exp).bearer()), 401, "expired");
        }

        @Test
        void aTokenWithoutExpiry() {
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).expiresAt(null).bearer()), 401, "no expiry");
        }

        @Test
        void aTokenNotValidYetBeyondTheSkew() {
            Instant nbf = START.plus(SKEW).plusSeconds(1);
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).notBefore(nbf).bearer()), 401, "not yet valid");
        }

        @Test
        void aServiceUrlMismatch() {
            String token = minter.bearer(APP_ID, "https://attacker.example/amer/");
            assertRefused(verify(token), 401, "serviceurl claim does not match");
        }

        @Test
        void aMissingServiceUrlClaim() {
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).serviceUrl(null).bearer()), 401,
                    "no serviceurl claim");
        }

        @Test
        void anActivityWithoutChannelIdOrServiceUrl() {
            String token = minter.bearer(APP_ID, SERVICE_URL);
            assertRefused(tokens.verify(token, SERVICE_URL, null), 401, "no channelId");
            assertRefused(tokens.verify(token, SERVICE_URL, " "), 401, "no channelId");
            assertRefused(tokens.verify(token, null, TEAMS), 401, "no serviceUrl");
        }

        @Test
        void aKeyNotEndorsedForTheChannelWith403() {
            var webchatOnly = BotFrameworkTokenMinter.newKey("webchat-only", "webchat");
            minter.publish(minter.key(), webchatOnly);
            String token = minter.claims(APP_ID, SERVICE_URL).signedWith(webchatOnly).bearer();

            assertRefused(tokens.verify(token, SERVICE_URL, TEAMS), 403, "not endorsed for channel msteams");
            assertAccepted(tokens.verify(token, SERVICE_URL, "webchat"));
            assertRefused(tokens.verify(minter.bearer(APP_ID, SERVICE_URL), SERVICE_URL, "MSTEAMS"), 403, "endorsed");
        }

        @Test
        void aTokenWithoutKeyId() {
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).kid(null).bearer()), 401, "no key id");
        }

        @Test
        void anUnknownKeyIdEvenAfterOneRefresh() {
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            assertThat(keySetFetches()).isEqualTo(1);

            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).signedWith(strangerKey).bearer()), 401,
                    "unknown signing key id");
            assertThat(keySetFetches()).isEqualTo(2);
        }

        @Test
        void aTokenSignedByAnotherKeyUnderAKnownKeyId() {
            String forged = minter.claims(APP_ID, SERVICE_URL).signedWith(strangerKey).kid(minter.key().kid()).bearer();
            assertRefused(verify(forged), 401, "bad signature");
        }

        @Test
        void aTokenWhosePayloadWasSwappedAfterSigning() {
            String[] mine = minter.token("4c0039e5-6816-48e8-b313-f77691ff1c5e", SERVICE_URL).split("\\.");
            String[] wanted = minter.token(APP_ID, SERVICE_URL).split("\\.");
            assertRefused(verify("Bearer " + mine[0] + "." + wanted[1] + "." + mine[2]), 401, "bad signature");
        }

        @Test
        void anEmptySignature() {
            String[] parts = minter.token(APP_ID, SERVICE_URL).split("\\.");
            assertRefused(verify("Bearer " + parts[0] + "." + parts[1] + "."), 401, "");
        }
    }

    @Nested
    class ClockSkew {

        @Test
        void acceptsATokenExpiredWithinTheSkew() {
            Instant exp = START.minus(SKEW).plusSeconds(1);
            assertAccepted(verify(minter.claims(APP_ID, SERVICE_URL).expiresAt(exp).bearer()));
        }

        @Test
        void acceptsATokenNotYetValidWithinTheSkew() {
            Instant nbf = START.plus(SKEW).minusSeconds(1);
            assertAccepted(verify(minter.claims(APP_ID, SERVICE_URL).notBefore(nbf).bearer()));
        }

        @Test
        void followsTheClockAsItMoves() {
            String token = minter.bearer(APP_ID, SERVICE_URL);   // exp = START + 1 h
            clock.set(START.plus(Duration.ofHours(1)).plus(SKEW));
            assertAccepted(verify(token));
            clock.advance(Duration.ofSeconds(1));
            assertRefused(verify(token), 401, "expired");
        }

        @Test
        void withZeroSkewIsExact() {
            var strict = new BotFrameworkTokens(keys, APP_ID, clock, Duration.ZERO);
            String expiresNow = minter.claims(APP_ID, SERVICE_URL).expiresAt(START).bearer();
            String justExpired = minter.claims(APP_ID, SERVICE_URL).expiresAt(START.minusSeconds(1)).bearer();
            String validSoon = minter.claims(APP_ID, SERVICE_URL).notBefore(START.plusSeconds(1)).bearer();

            assertAccepted(strict.verify(expiresNow, SERVICE_URL, TEAMS));
            assertRefused(strict.verify(justExpired, SERVICE_URL, TEAMS), 401, "expired");
            assertRefused(strict.verify(validSoon, SERVICE_URL, TEAMS), 401, "not yet valid");
        }
    }

    @Nested
    class Keys {

        @Test
        void areFetchedOnceForManyVerifications() {
            for (int i = 0; i < 100; i++) {
                assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            }
            assertThat(metadataFetches()).isEqualTo(1);
            assertThat(keySetFetches()).isEqualTo(1);
        }

        @Test
        void followARotationAfterOneRefresh() {
            var oldKey = minter.key();
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));

            var newKey = BotFrameworkTokenMinter.newKey("rotated-in");
            minter.publish(oldKey, newKey).useKey(newKey);
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            assertThat(keySetFetches()).isEqualTo(2);

            String byOldKey = minter.claims(APP_ID, SERVICE_URL).signedWith(oldKey).bearer();
            assertAccepted(verify(byOldKey));
            assertThat(keySetFetches()).isEqualTo(2);
        }

        @Test
        void areRefetchedAfter24HoursAndARetiredKeyIsThenRefused() {
            var oldKey = minter.key();
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            var newKey = BotFrameworkTokenMinter.newKey("rotated-in");
            minter.publish(newKey);

            clock.advance(Duration.ofHours(23));
            String byOldKey = minter.claims(APP_ID, SERVICE_URL).signedWith(oldKey).bearer();
            assertAccepted(verify(byOldKey));
            assertThat(keySetFetches()).isEqualTo(1);

            clock.advance(Duration.ofHours(1));
            byOldKey = minter.claims(APP_ID, SERVICE_URL).signedWith(oldKey).bearer();
            assertRefused(verify(byOldKey), 401, "unknown signing key id");
            assertThat(keySetFetches()).isEqualTo(2);
            assertAccepted(verify(minter.claims(APP_ID, SERVICE_URL).signedWith(newKey).bearer()));
            assertThat(keySetFetches()).isEqualTo(2);
        }

        @Test
        void refreshAtMostOnceAMinuteForUnknownKeyIds() {
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            assertThat(keySetFetches()).isEqualTo(1);

            for (int i = 0; i < 50; i++) {
                String randomKid =
                        minter.claims(APP_ID, SERVICE_URL).signedWith(strangerKey).kid("random-" + i).bearer();
                assertRefused(verify(randomKid), 401, "unknown signing key id");
            }
            assertThat(keySetFetches()).isEqualTo(2);

            clock.advance(Duration.ofSeconds(59));
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).signedWith(strangerKey).bearer()), 401, "unknown");
            assertThat(keySetFetches()).isEqualTo(2);

            clock.advance(Duration.ofSeconds(1));
            assertRefused(verify(minter.claims(APP_ID, SERVICE_URL).signedWith(strangerKey).bearer()), 401, "unknown");
            assertThat(keySetFetches()).isEqualTo(3);
            assertThat(metadataFetches()).isEqualTo(3);
        }

        @Test
        void refuseWhileTheMetadataEndpointIsDownThenRecover() {
            StubMapping down = wireMock.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(serviceUnavailable()));
            String token = minter.bearer(APP_ID, SERVICE_URL);

            assertRefused(verify(token), 401, "unknown signing key id");
            assertRefused(verify(token), 401, "unknown signing key id");
            assertThat(metadataFetches()).as("no retry within the failure back-off").isEqualTo(1);

            wireMock.removeStub(down);
            clock.advance(Duration.ofSeconds(10));
            assertAccepted(verify(token));
            assertThat(metadataFetches()).isEqualTo(2);
        }

        @Test
        void refuseWhenNothingListensAtTheMetadataUrl() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var nowhere = new BotFrameworkKeys(http, URI.create("http://localhost:" + port + METADATA_PATH), clock);
            var unlucky = new BotFrameworkTokens(nowhere, APP_ID, clock, SKEW);

            assertRefused(unlucky.verify(minter.bearer(APP_ID, SERVICE_URL), SERVICE_URL, TEAMS), 401, "unknown");
            assertThat(nowhere.load()).isFalse();
        }

        @Test
        void keepTheKnownKeysWhenARefreshFails() {
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            wireMock.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(okJson("{\"keys\": \"not a list\"}")));

            clock.advance(Duration.ofHours(25));
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            assertThat(keySetFetches()).isEqualTo(2);

            wireMock.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(aResponse().withStatus(500)));
            clock.advance(Duration.ofSeconds(10));
            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            assertThat(keySetFetches()).isEqualTo(3);
        }

        @Test
        void skipUnusableEntriesInTheKeySet() {
            String unusable = "{\"kty\":\"EC\",\"kid\":\"ec\"},"
                    + "{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"!\",\"e\":\"AQAB\"},";
            String keySet = minter.keySetJson().replaceFirst("\\{\"keys\":\\[", "{\"keys\":[" + unusable);
            assertThat(keySet).contains("\"broken\"");
            wireMock.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(okJson(keySet)));

            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
        }

        @Test
        void areLoadedOnceWhenManyRequestsArriveAtAColdStart() throws Exception {
            wireMock.stubFor(get(urlPathEqualTo(KEYS_PATH))
                    .willReturn(okJson(minter.keySetJson()).withFixedDelay(300)));
            int threads = 16;
            String token = minter.bearer(APP_ID, SERVICE_URL);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<TokenVerdict>> verdicts = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    verdicts.add(pool.submit(() -> {
                        go.await();
                        return verify(token);
                    }));
                }
                go.countDown();
                for (Future<TokenVerdict> verdict : verdicts) {
                    assertAccepted(verdict.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(metadataFetches()).isEqualTo(1);
            assertThat(keySetFetches()).isEqualTo(1);
        }

        @Test
        void canBeWarmedUpAhead() {
            assertThat(keys.load()).isTrue();
            assertThat(keySetFetches()).isEqualTo(1);

            assertAccepted(verify(minter.bearer(APP_ID, SERVICE_URL)));
            assertThat(keys.load()).isTrue();
            assertThat(keySetFetches()).isEqualTo(1);
        }
    }

    private static Map<String, Object> parsePayload(String token) throws ParseException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSONObjectUtils.parse(payload);
    }
}
