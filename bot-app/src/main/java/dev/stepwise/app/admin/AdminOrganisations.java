package dev.stepwise.app.admin;

import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.organisation.Organisations;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The organisation an admin API path names, once {@link AdminAuthentication} has let its caller in. */
@Component
class AdminOrganisations {

    private final Organisations organisations;

    AdminOrganisations(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The organisation with this key if the request's admin token administers it: else 401, 403 or 404. */
    Organisation administered(String key, HttpServletRequest request) {
        if (!(request.getAttribute(AdminAuthentication.ADMIN) instanceof AdminTokens.Admin admin)) {
            throw new AdminProblem(HttpStatus.UNAUTHORIZED, "Sign in with an admin token.");
        }
        if (!admin.administers(key)) {
            throw new AdminProblem(HttpStatus.FORBIDDEN, AdminAuthentication.forbidden(admin));
        }
        return organisations.findByKey(key).orElseThrow(() ->
                new AdminProblem(HttpStatus.NOT_FOUND, "There's no organisation '" + key + "'."));
    }
}
