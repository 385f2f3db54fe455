package dev.stepwise.core.catalogue.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keys for items whose export has no id column: derived from the url, so the same item keeps its key from one
 * import to the next. Scheme and host are compared without case, a default port, a fragment and a trailing slash
 * don't count; the query does (it often is the id).
 */
public final class ItemKeys {

    /** Derived keys start with this. */
    public static final String PREFIX = "url-";

    private ItemKeys() {
    }

    /** {@code url-} and 24 hex digits of the SHA-256 of the normalised url. */
    public static String fromUrl(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(url).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    static String normalise(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + query;
        } catch (URISyntaxException notAUri) {
            return trimmed;
        }
    }
}
