package dev.stepwise.app.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/api/**} before anything reads the request body: 404 while the admin API is off, 401 without a
 * valid bearer token, 403 for a token of another organisation, 413 for a declared body over the upload limit.
 * Failures are problem details; the token is never logged or echoed.
 */
class AdminAuthentication extends OncePerRequestFilter {

    static final String PREFIX = "/admin/api/";
    /** The request attribute that carries the {@link AdminTokens.Admin} to the controller. */
    static final String ADMIN = AdminAuthentication.class.getName() + ".admin";
    private static final String ORGANISATIONS = PREFIX + "organisations/";

    private final AdminTokens tokens;
    private final DataSize maxUploadSize;

    AdminAuthentication(AdminTokens tokens, DataSize maxUploadSize) {
        this.tokens = tokens;
        this.maxUploadSize = maxUploadSize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!tokens.enabled()) {
            ProblemJson.write(response, HttpStatus.NOT_FOUND, "The admin API is off. Set an admin token "
                    + "(STEPWISE_ADMIN_TOKEN) to turn it on; see docs/catalogue.md.", request);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stepwise-admin\"");
            ProblemJson.write(response, HttpStatus.UNAUTHORIZED,
                    "Sign in with an admin token: send the header 'Authorization: Bearer <token>'.", request);
            return;
        }
        Optional<AdminTokens.Admin> admin = tokens.admin(header.substring(7));
        if (admin.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stepwise-admin\", error=\"invalid_token\"");
            ProblemJson.write(response, HttpStatus.UNAUTHORIZED, "That admin token isn't valid.", request);
            return;
        }
        for (String organisation : organisations(request)) {
            if (!admin.get().administers(organisation)) {
                ProblemJson.write(response, HttpStatus.FORBIDDEN, forbidden(admin.get()), request);
                return;
            }
        }
        long length = request.getContentLengthLong();
        if (length > maxUploadSize.toBytes()) {
            ProblemJson.write(response, HttpStatus.CONTENT_TOO_LARGE, UploadLimits.tooLarge(length, maxUploadSize), request);
            return;
        }
        request.setAttribute(ADMIN, admin.get());
        chain.doFilter(request, response);
    }

    static String forbidden(AdminTokens.Admin admin) {
        return "This token administers the organisation '%s' only.".formatted(admin.organisation());
    }

    /**
     * The organisation keys in {@code /admin/api/organisations/{key}/…} as the raw request URI and as the container's
     * normalised servlet path name it (they differ for paths with {@code ..} or {@code ;} parameters), so that a token
     * is checked against every organisation the request could reach. The controller checks again with the key Spring
     * MVC resolved.
     */
    static Set<String> organisations(HttpServletRequest request) {
        Set<String> keys = new LinkedHashSet<>();
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        String normalised = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String fromRaw = organisation(raw, true);
        String fromNormalised = organisation(normalised, false);
        if (fromRaw != null) {
            keys.add(fromRaw);
        }
        if (fromNormalised != null) {
            keys.add(fromNormalised);
        }
        return keys;
    }

    private static String organisation(String path, boolean encoded) {
        if (!path.startsWith(ORGANISATIONS)) {
            return null;
        }
        String rest = path.substring(ORGANISATIONS.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        int parameters = segment.indexOf(';');
        segment = parameters < 0 ? segment : segment.substring(0, parameters);
        return encoded ? URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8) : segment;
    }
}
