package dev.stepwise.teams.auth;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Checks the {@code Authorization} header of a request the Bot Connector sends to the bot: a Bearer JWT signed
 * with RS256 by one of the Bot Framework's published keys, issued by {@code https://api.botframework.com} for this
 * bot's app id, within its lifetime (give or take the clock skew), whose {@code serviceurl} claim names the
 * activity's service URL, and whose signing key is endorsed for the activity's channel. Thread-safe; never
 * throws for a bad token.
 */
public final class BotFrameworkTokens {

    /** The only issuer of tokens the Bot Connector sends to bots. */
    public static final String ISSUER = "https://api.botframework.com";
    static final String SERVICE_URL_CLAIM = "serviceurl";

    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final String BEARER = "Bearer ";

    private final BotFrameworkKeys keys;
    private final String appId;
    private final Clock clock;
    private final Duration clockSkew;

    /**
     * @param keys      the Bot Framework's signing keys
     * @param appId     this bot's Microsoft App ID: the audience every token must carry
     * @param clock     the time source for expiry checks
     * @param clockSkew how far the token's {@code exp} and {@code nbf} may be off
     */
    public BotFrameworkTokens(BotFrameworkKeys keys, String appId, Clock clock, Duration clockSkew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("the bot's app id is required to check token audiences");
        }
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("the clock skew must be zero or positive");
        }
        this.appId = appId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = clockSkew;
    }

    /**
     * Checks one request's token against the activity it carries.
     *
     * @param authorizationHeader the request's {@code Authorization} header, or null when absent
     * @param activityServiceUrl  the activity's {@code serviceUrl}
     * @param activityChannelId   the activity's {@code channelId}, e.g. {@code msteams}
     * @return {@link TokenVerdict.Accepted}, or {@link TokenVerdict.Refused} with 401 (403 when the signing key is
     *         not endorsed for the channel); a refused request's activity must not be processed
     */
    public TokenVerdict verify(String authorizationHeader, String activityServiceUrl, String activityChannelId) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return unauthorized("no Authorization header");
        }
        if (!authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("Authorization scheme is not Bearer");
        }
        if (activityChannelId == null || activityChannelId.isBlank()) {
            return unauthorized("activity has no channelId");
        }
        if (activityServiceUrl == null || activityServiceUrl.isBlank()) {
            return unauthorized("activity has no serviceUrl");
        }
        String token = authorizationHeader.substring(BEARER.length()).strip();

        SignedJWT jwt;
        try {
            Base64URL[] parts = JOSEObject.split(token);
            Header header = Header.parse(parts[0]);
            if (!(header instanceof JWSHeader jws) || !JWSAlgorithm.RS256.equals(jws.getAlgorithm())) {
                String alg = printable(String.valueOf(header.getAlgorithm()));
                return unauthorized("algorithm " + alg + " not accepted (RS256 only)");
            }
            if (parts.length != 3) {
                return unauthorized("malformed token");
            }
            jwt = new SignedJWT(parts[0], parts[1], parts[2]);
        } catch (ParseException e) {
            return unauthorized("malformed token");
        }

        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            return unauthorized("token has no key id");
        }
        BotFrameworkKeys.SigningKey key = keys.key(kid);
        if (key == null) {
            return unauthorized("unknown signing key id");
        }
        try {
            if (!jwt.verify(key.verifier())) {
                return unauthorized("bad signature");
            }
        } catch (JOSEException | RuntimeException e) {
            return unauthorized("signature not verifiable");
        }

        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return unauthorized("malformed claims");
        }
        TokenVerdict.Refused refused = checkClaims(claims, activityServiceUrl);
        if (refused != null) {
            return refused;
        }
        if (!key.endorsements().contains(activityChannelId)) {
            return new TokenVerdict.Refused(FORBIDDEN,
                    "signing key not endorsed for channel " + printable(activityChannelId));
        }
        return new TokenVerdict.Accepted(appId, claims.getExpirationTime().toInstant());
    }

    private TokenVerdict.Refused checkClaims(JWTClaimsSet claims, String activityServiceUrl) {
        if (!ISSUER.equals(claims.getIssuer())) {
            return unauthorized("issuer mismatch");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(appId)) {
            return unauthorized("audience mismatch");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return unauthorized("token has no expiry");
        }
        if (now.isAfter(exp.toInstant().plus(clockSkew))) {
            return unauthorized("token expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(clockSkew).isBefore(nbf.toInstant())) {
            return unauthorized("token not yet valid");
        }
        Object serviceUrl = claims.getClaim(SERVICE_URL_CLAIM);
        if (!(serviceUrl instanceof String claimed) || claimed.isBlank()) {
            return unauthorized("token has no serviceurl claim");
        }
        if (!withoutTrailingSlash(claimed).equalsIgnoreCase(withoutTrailingSlash(activityServiceUrl))) {
            return unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }
        return null;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Untrusted text made safe for a log line: short, and only characters that cannot forge log entries. */
    private static String printable(String untrusted) {
        String kept = untrusted.replaceAll("[^A-Za-z0-9._:+-]", "?");
        return kept.length() <= 32 ? kept : kept.substring(0, 32) + "...";
    }

    private static TokenVerdict.Refused unauthorized(String reason) {
        return new TokenVerdict.Refused(UNAUTHORIZED, reason);
    }
}
