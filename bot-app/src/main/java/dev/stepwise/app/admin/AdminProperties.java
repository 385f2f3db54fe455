package dev.stepwise.app.admin;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code stepwise.admin.*}: who may use the admin API ({@code /admin/api}) and how large an upload may be.
 *
 * @param token              a bearer token for every organisation ({@code STEPWISE_ADMIN_TOKEN}); unset: none
 * @param organisationTokens organisation key → a bearer token for that organisation only
 * @param maxUploadSize      the largest request body an import accepts
 */
@ConfigurationProperties("stepwise.admin")
public record AdminProperties(String token, Map<String, String> organisationTokens,
                              @DefaultValue("20MB") DataSize maxUploadSize) {

    public AdminProperties {
        organisationTokens = organisationTokens == null ? Map.of() : Map.copyOf(organisationTokens);
    }

    @Override
    public String toString() {
        return "AdminProperties[token=" + (token == null || token.isBlank() ? "unset" : "(set)") + ", organisationTokens="
                + organisationTokens.keySet() + ", maxUploadSize=" + maxUploadSize + "]";
    }
}
