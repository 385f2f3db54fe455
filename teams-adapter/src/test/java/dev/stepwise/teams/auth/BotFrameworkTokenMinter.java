package dev.stepwise.teams.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test stand-in for the Bot Framework's token service: an RSA signing key, the OpenID metadata document and key
 * set (JWKS with {@code endorsements}) served on a WireMock server, and Bot Connector tokens minted with that key,
 * valid by default and variable claim by claim for attacks.
 *
 * <pre>{@code
 * var minter = new BotFrameworkTokenMinter(clock).serveOn(wireMock);
 * var tokens = new BotFrameworkTokens(new BotFrameworkKeys(HttpClient.newHttpClient(), minter.metadataUrl(), clock),
 *         APP_ID, clock, Duration.ofMinutes(5));
 * String header = minter.bearer(APP_ID, "https://smba.trafficmanager.net/amer/");       // valid
 * String expired = minter.claims(APP_ID, SERVICE_URL).expiresAt(clock.instant().minusSeconds(3600)).bearer();
 * }</pre>
 */
public final class BotFrameworkTokenMinter {

    public static final String METADATA_PATH = "/v1/.well-known/openidconfiguration";
    public static final String KEYS_PATH = "/v1/.well-known/keys";
    public static final String ISSUER = "https://api.botframework.com";
    /** Endorsements like those on the real Bot Framework keys. */
    public static final List<String> DEFAULT_ENDORSEMENTS =
            List.of("msteams", "webchat", "emulator", "directline", "skype", "slack", "telegram");
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** An RSA key pair with its key id and the channels it is endorsed for. */
    public record Key(RSAKey rsa, List<String> endorsements) {

        public String kid() {
            return rsa.getKeyID();
        }

        /** The public JWK as the Bot Framework publishes it, with its {@code endorsements}. */
        public Map<String, Object> publicJwk() {
            Map<String, Object> jwk = new LinkedHashMap<>(rsa.toPublicJWK().toJSONObject());
            jwk.put("endorsements", endorsements);
            return jwk;
        }

        /** The public key as PEM text (what an HS256 key-confusion attacker would use as the HMAC secret). */
        public String publicKeyPem() {
            try {
                return "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.toPublicKey().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The modulus bytes (another HMAC secret a key-confusion attacker might try). */
        public byte[] modulusBytes() {
            return rsa.getModulus().decode();
        }
    }

    private Clock clock;
    private Key signingKey;
    private List<Key> published;
    private WireMockServer server;
    private final List<StubMapping> stubs = new ArrayList<>();

    /** @param clock the time that issued tokens' {@code iat}, {@code nbf} and {@code exp} are based on */
    public BotFrameworkTokenMinter(Clock clock) {
        this.clock = clock;
        this.signingKey = newKey("kid-" + UUID.randomUUID());
        this.published = List.of(signingKey);
    }

    /** A fresh 2048-bit RSA key, endorsed for the given channels or, when none are given, the default ones. */
    public static Key newKey(String kid, String... endorsements) {
        try {
            RSAKey rsa = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
            return new Key(rsa, endorsements.length == 0 ? DEFAULT_ENDORSEMENTS : List.of(endorsements));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key tokens are signed with unless a builder says otherwise. */
    public Key key() {
        return signingKey;
    }

    /** Dates further tokens on this clock: the one the application under test checks them on. */
    public BotFrameworkTokenMinter useClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Signs further tokens with this key (publish it too, unless testing an unknown key). */
    public BotFrameworkTokenMinter useKey(Key key) {
        this.signingKey = key;
        return this;
    }

    /** Makes the served key set hold exactly these keys (re-served at once when serving). */
    public BotFrameworkTokenMinter publish(Key... keys) {
        this.published = List.of(keys);
        if (server != null) {
            stub();
        }
        return this;
    }

    /** Serves the OpenID metadata at {@link #METADATA_PATH} and the key set at {@link #KEYS_PATH} on this server. */
    public BotFrameworkTokenMinter serveOn(WireMockServer server) {
        this.server = server;
        stub();
        return this;
    }

    /** The served OpenID metadata document's URL, for the validator. */
    public URI metadataUrl() {
        return URI.create(baseUrl() + METADATA_PATH);
    }

    /** The OpenID metadata document as the Bot Framework serves it. */
    public String metadataJson() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", ISSUER);
        metadata.put("authorization_endpoint", "https://invalid.botframework.com");
        metadata.put("jwks_uri", baseUrl() + KEYS_PATH);
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        return JSONObjectUtils.toJSONString(metadata);
    }

    /** The key set (JWKS) with the published keys' public halves and endorsements. */
    public String keySetJson() {
        return JSONObjectUtils.toJSONString(Map.of("keys", published.stream().map(Key::publicJwk).toList()));
    }

    /** A valid Bot Connector token for this bot and service URL. */
    public String token(String appId, String serviceUrl) {
        return claims(appId, serviceUrl).token();
    }

    /** {@code "Bearer " + token(appId, serviceUrl)}: a valid {@code Authorization} header value. */
    public String bearer(String appId, String serviceUrl) {
        return "Bearer " + token(appId, serviceUrl);
    }

    /** A builder starting from a valid token's claims and header, to vary one thing at a time. */
    public TokenBuilder claims(String appId, String serviceUrl) {
        return new TokenBuilder(appId, serviceUrl);
    }

    private String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("call serveOn(wireMock) first");
        }
        return server.baseUrl();
    }

    private void stub() {
        stubs.forEach(server::removeStub);
        stubs.clear();
        stubs.add(server.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(okJson(metadataJson()))));
        stubs.add(server.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(okJson(keySetJson()))));
    }

    /** One token's header and claims; every setter takes null to leave that claim (or the kid) out. */
    public final class TokenBuilder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Key key = signingKey;
        private String kid = signingKey.kid();
        private boolean kidSet;

        private TokenBuilder(String appId, String serviceUrl) {
            Instant now = clock.instant();
            claims.put("serviceurl", serviceUrl);
            claims.put("nbf", now.getEpochSecond());
            claims.put("exp", now.plus(DEFAULT_LIFETIME).getEpochSecond());
            claims.put("iss", ISSUER);
            claims.put("aud", appId);
            claims.put("iat", now.getEpochSecond());
        }

        public TokenBuilder issuer(String issuer) {
            return claim("iss", issuer);
        }

        public TokenBuilder audience(String... audience) {
            return claim("aud", audience == null ? null : audience.length == 1 ? audience[0] : List.of(audience));
        }

        public TokenBuilder serviceUrl(String serviceUrl) {
            return claim("serviceurl", serviceUrl);
        }

        public TokenBuilder expiresAt(Instant exp) {
            return claim("exp", exp == null ? null : exp.getEpochSecond());
        }

        public TokenBuilder notBefore(Instant nbf) {
            return claim("nbf", nbf == null ? null : nbf.getEpochSecond());
        }

        /** Sets (or, with null, removes) any claim. */
        public TokenBuilder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        /** Signs with this key, and names its kid in the header unless {@link #kid} says otherwise. */
        public TokenBuilder signedWith(Key key) {
            this.key = key;
            if (!kidSet) {
                this.kid = key.kid();
            }
            return this;
        }

        /** The header's kid, whatever key signs. */
        public TokenBuilder kid(String kid) {
            this.kid = kid;
            this.kidSet = true;
            return this;
        }

        /** The token, signed RS256. */
        public String token() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                        .keyID(kid).build(), claimsSet());
                jwt.sign(new RSASSASigner(key.rsa()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public String bearer() {
            return "Bearer " + token();
        }

        /** The same claims as an unsecured JWT ({@code alg: none}, empty signature). */
        public String unsecuredToken() {
            PlainHeader.Builder header = new PlainHeader.Builder().type(JOSEObjectType.JWT);
            if (kid != null) {
                header.customParam("kid", kid);
            }
            return new PlainJWT(header.build(), claimsSet()).serialize();
        }

        /** The same claims and kid signed HS256 with this secret (the key-confusion attack). */
        public String hs256Token(byte[] secret) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                        .keyID(kid).build(), claimsSet());
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private JWTClaimsSet claimsSet() {
            try {
                return JWTClaimsSet.parse(claims);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
