package dev.stepwise.teams.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's token signing keys, read from its OpenID metadata document (whose {@code jwks_uri} names
 * the key set), each with the channels it is endorsed for (the non-standard {@code endorsements} JWK member).
 * <p>
 * Keys are kept in memory: a lookup of a known key id never goes to the network. The whole set is fetched again
 * when it is older than 24 hours, or when a token names a key id not in it (at most once a minute for that
 * reason, so tokens with made-up key ids cannot make us hammer the endpoint). One fetch at a time; a failed fetch
 * keeps the keys already known, logs a warning and is not retried for 10 seconds. Thread-safe.
 */
public final class BotFrameworkKeys {

    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration UNKNOWN_KID_REFRESH_INTERVAL = Duration.ofMinutes(1);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final int MIN_RSA_BITS = 2048;

    private static final Logger log = LoggerFactory.getLogger(BotFrameworkKeys.class);

    /** One usable signing key: its verifier (built once) and the channel ids it is endorsed for. */
    record SigningKey(String kid, JWSVerifier verifier, Set<String> endorsements) {
    }

    private record KeySet(Map<String, SigningKey> byKid, Instant fetchedAt) {
        static final KeySet NONE = new KeySet(Map.of(), null);

        boolean staleAt(Instant now) {
            return fetchedAt == null || !now.isBefore(fetchedAt.plus(MAX_AGE));
        }
    }

    private final HttpClient http;
    private final URI openIdMetadataUrl;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();

    private volatile KeySet keys = KeySet.NONE;
    private volatile Instant lastFailure;
    private volatile Instant lastUnknownKidFetch;

    /**
     * @param http              the client for the metadata and key set requests (each request times out after 5 s)
     * @param openIdMetadataUrl the OpenID metadata document,
     *                          e.g. {@code https://login.botframework.com/v1/.well-known/openidconfiguration}
     * @param clock             the time source for cache ages and refresh limits
     */
    public BotFrameworkKeys(HttpClient http, URI openIdMetadataUrl, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.openIdMetadataUrl = Objects.requireNonNull(openIdMetadataUrl, "openIdMetadataUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fetches the keys now unless they are fresh (e.g. to warm up at startup, off the request path).
     *
     * @return whether any keys are known afterwards
     */
    public boolean load() {
        fetching.lock();
        try {
            if (keys.staleAt(clock.instant())) {
                fetch();
            }
            return !keys.byKid().isEmpty();
        } finally {
            fetching.unlock();
        }
    }

    /** The key with this id, or null when it is unknown even after a refresh (or a refresh was not allowed). */
    SigningKey key(String kid) {
        KeySet seen = keys;
        Instant now = clock.instant();
        SigningKey known = seen.byKid().get(kid);
        if (known != null) {
            if (seen.staleAt(now) && mayFetch(now, false) && fetching.tryLock()) {
                try {
                    if (keys.staleAt(clock.instant()) && mayFetch(clock.instant(), false)) {
                        fetch();
                    }
                } finally {
                    fetching.unlock();
                }
                return keys.byKid().get(kid);   // a successful refresh may have retired the key
            }
            return known;
        }
        boolean unknownKid = !seen.staleAt(now);
        if (!fetching.isLocked() && !mayFetch(now, unknownKid)) {
            return null;
        }
        fetching.lock();   // a fetch may be under way: wait for it rather than start another
        try {
            KeySet current = keys;
            SigningKey key = current.byKid().get(kid);
            if (key != null) {
                return key;
            }
            now = clock.instant();
            unknownKid = !current.staleAt(now);
            if (!mayFetch(now, unknownKid)) {
                return null;
            }
            if (unknownKid) {
                lastUnknownKidFetch = now;
            }
            fetch();
            return keys.byKid().get(kid);
        } finally {
            fetching.unlock();
        }
    }

    private boolean mayFetch(Instant now, boolean forUnknownKid) {
        Instant failed = lastFailure;
        if (failed != null && now.isBefore(failed.plus(RETRY_AFTER_FAILURE))) {
            return false;
        }
        Instant unknown = lastUnknownKidFetch;
        return !forUnknownKid || unknown == null || !now.isBefore(unknown.plus(UNKNOWN_KID_REFRESH_INTERVAL));
    }

    /** Called with the lock held. Replaces the key set on success; keeps it and logs on failure. */
    private void fetch() {
        try {
            Map<String, Object> metadata = JSONObjectUtils.parse(get(openIdMetadataUrl));
            String jwksUri = JSONObjectUtils.getString(metadata, "jwks_uri");
            if (jwksUri == null || jwksUri.isBlank()) {
                throw new IOException("the OpenID metadata has no jwks_uri");
            }
            Map<String, SigningKey> byKid = parseKeySet(get(openIdMetadataUrl.resolve(jwksUri)));
            if (byKid.isEmpty()) {
                throw new IOException("the key set has no usable RS256 signing key");
            }
            keys = new KeySet(Map.copyOf(byKid), clock.instant());
            lastFailure = null;
        } catch (IOException | ParseException | RuntimeException e) {
            failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(e);
        }
    }

    private void failed(Exception e) {
        lastFailure = clock.instant();
        log.warn("Could not refresh the Bot Framework signing keys from {} ({}); keeping {} known keys",
                openIdMetadataUrl, e.toString(), keys.byKid().size());
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        return response.body();
    }

    private static Map<String, SigningKey> parseKeySet(String json) throws ParseException {
        Map<String, SigningKey> byKid = new HashMap<>();
        Map<String, Object>[] entries = JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(json), "keys");
        if (entries == null) {
            return byKid;
        }
        for (Map<String, Object> entry : entries) {
            try {
                if (JWK.parse(entry) instanceof RSAKey rsa && rsa.getKeyID() != null && usableForRs256(rsa)) {
                    List<String> endorsements = JSONObjectUtils.getStringList(entry, "endorsements");
                    byKid.put(rsa.getKeyID(), new SigningKey(rsa.getKeyID(), new RSASSAVerifier(rsa),
                            endorsements == null ? Set.of() : Set.copyOf(endorsements)));
                }
            } catch (ParseException | JOSEException | RuntimeException e) {
                log.debug("Skipping an unusable JWK in the Bot Framework key set: {}", e.toString());
            }
        }
        return byKid;
    }

    private static boolean usableForRs256(RSAKey rsa) {
        return (rsa.getKeyUse() == null || KeyUse.SIGNATURE.equals(rsa.getKeyUse()))
                && (rsa.getAlgorithm() == null || "RS256".equals(rsa.getAlgorithm().getName()))
                && rsa.size() >= MIN_RSA_BITS;
    }
}
