package dev.stepwise.teams.connector;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Bot Connector URLs under a conversation's {@code serviceUrl}. Path segments are percent-encoded like the
 * Bot Framework SDKs do ({@code Uri.EscapeDataString}, {@code encodeURIComponent}): everything but RFC 3986's
 * unreserved characters, so {@code 19:abc@thread.skype;messageid=1} becomes one segment,
 * {@code 19%3Aabc%40thread.skype%3Bmessageid%3D1}, and a {@code ;} is never read as a path parameter.
 */
final class ConnectorUris {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ConnectorUris() {
    }

    /** {@code serviceUrl} (with or without its trailing slash) + {@code v3/} + the segments, each encoded. */
    static URI v3(String serviceUrl, String... segments) {
        URI base = serviceUrl == null ? null : URI.create(serviceUrl.trim());
        if (base == null || base.getHost() == null
                || !("https".equalsIgnoreCase(base.getScheme()) || "http".equalsIgnoreCase(base.getScheme()))) {
            throw new IllegalArgumentException("Not a Bot Connector service URL: " + serviceUrl);
        }
        StringBuilder url = new StringBuilder(serviceUrl.trim());
        if (url.charAt(url.length() - 1) != '/') {
            url.append('/');
        }
        url.append("v3");
        for (String segment : segments) {
            if (segment == null || segment.isEmpty()) {
                throw new IllegalArgumentException("An id in a Bot Connector path is missing");
            }
            url.append('/').append(encode(segment));
        }
        return URI.create(url.toString());
    }

    static String encode(String segment) {
        StringBuilder encoded = new StringBuilder(segment.length() + 16);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
