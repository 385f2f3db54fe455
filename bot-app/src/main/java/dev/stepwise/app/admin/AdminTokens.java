package dev.stepwise.app.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a bearer token belongs to: an admin of every organisation ({@code stepwise.admin.token}) or of one
 * ({@code stepwise.admin.organisation-tokens.<key>}). Tokens are compared as SHA-256 digests in constant time, every
 * configured token each time, so neither the length nor the first wrong character shows in the timing. With no token
 * configured the admin API is off, except on the throwaway embedded database outside the {@code production} profile,
 * where the documented {@link #DEMO_TOKEN} administers every organisation.
 */
final class AdminTokens {

    /** The token of the embedded demo (see docs/catalogue.md); never accepted once a token is configured. */
    static final String DEMO_TOKEN = "stepwise-demo-admin";
    static final int MIN_LENGTH = 16;

    /**
     * Someone holding a valid token.
     *
     * @param organisation the key of the one organisation they administer, or null for every organisation
     */
    record Admin(String organisation) {
        boolean administers(String organisationKey) {
            return organisation == null || organisation.equals(organisationKey);
        }
    }

    private record Known(byte[] digest, Admin admin) {
    }

    private final List<Known> known = new ArrayList<>();
    private final boolean demo;

    private AdminTokens(boolean demo) {
        this.demo = demo;
    }

    /**
     * @param demoAllowed whether the demo token may stand in when no token is configured
     * @throws IllegalStateException when a configured token is too short or two organisations share one
     */
    static AdminTokens of(AdminProperties properties, boolean demoAllowed) {
        boolean configured = notBlank(properties.token()) || properties.organisationTokens().values().stream().anyMatch(AdminTokens::notBlank);
        AdminTokens tokens = new AdminTokens(!configured && demoAllowed);
        Set<String> seen = new HashSet<>();
        if (notBlank(properties.token())) {
            tokens.add(properties.token(), new Admin(null), "stepwise.admin.token", seen);
        }
        for (Map.Entry<String, String> entry : properties.organisationTokens().entrySet()) {
            if (notBlank(entry.getValue())) {
                tokens.add(entry.getValue(), new Admin(entry.getKey()), "stepwise.admin.organisation-tokens." + entry.getKey(), seen);
            }
        }
        if (tokens.demo) {
            tokens.known.add(new Known(digest(DEMO_TOKEN), new Admin(null)));
        }
        return tokens;
    }

    private void add(String token, Admin admin, String property, Set<String> seen) {
        String value = token.strip();
        if (value.length() < MIN_LENGTH) {
            throw new IllegalStateException(property + " is shorter than " + MIN_LENGTH + " characters; use a long random "
                    + "token, e.g. the output of: openssl rand -hex 32");
        }
        if (!seen.add(value)) {
            throw new IllegalStateException(property + " is the same token as another admin token; give each its own");
        }
        known.add(new Known(digest(value), admin));
    }

    /** Whether any token is accepted at all. */
    boolean enabled() {
        return !known.isEmpty();
    }

    /** Whether the only token accepted is the documented demo token. */
    boolean demo() {
        return demo;
    }

    int count() {
        return known.size();
    }

    /** The admin {@code presented} belongs to, if it is a valid token. */
    Optional<Admin> admin(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] candidate = digest(presented.strip());
        Admin found = null;
        for (Known token : known) {
            if (MessageDigest.isEqual(token.digest(), candidate) && found == null) {
                found = token.admin();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
