package dev.stepwise.teams;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Teams (Bot Framework) settings, under {@code stepwise.teams}. The adapter is on when an app id is set.
 *
 * @param appId             the bot's Microsoft App ID ({@code MicrosoftAppId}): the audience of inbound tokens
 * @param appPassword       its client secret ({@code MicrosoftAppPassword}): gets tokens for the Bot Connector
 * @param appType           {@code MultiTenant} or {@code SingleTenant} ({@code MicrosoftAppType})
 * @param tenantId          the app registration's tenant, for single-tenant apps ({@code MicrosoftAppTenantId})
 * @param openIdMetadataUrl where the Bot Framework publishes its signing keys (a local stand-in in tests)
 * @param tokenEndpoint     the OAuth token endpoint; blank means Microsoft's, derived from the app type and tenant
 * @param clockSkew         how far an inbound token's times may be off
 * @param workers           how many activities are worked on at once after their acknowledgement
 * @param queueCapacity     how many acknowledged activities may wait for a worker; beyond it the answer is 503
 */
@ConfigurationProperties("stepwise.teams")
public record TeamsProperties(String appId, String appPassword,
                              @DefaultValue("MultiTenant") String appType,
                              String tenantId,
                              @DefaultValue("https://login.botframework.com/v1/.well-known/openidconfiguration") URI openIdMetadataUrl,
                              URI tokenEndpoint,
                              @DefaultValue("5m") Duration clockSkew,
                              @DefaultValue("16") int workers,
                              @DefaultValue("10000") int queueCapacity) {

    public static final String MULTI_TENANT = "MultiTenant";
    public static final String SINGLE_TENANT = "SingleTenant";

    public boolean singleTenant() {
        return SINGLE_TENANT.equalsIgnoreCase(appType);
    }

    /** Microsoft's token endpoint for this registration, unless one is configured. */
    public URI tokenEndpointOrDefault() {
        if (tokenEndpoint != null) {
            return tokenEndpoint;
        }
        String authority = singleTenant() ? tenantId : "botframework.com";
        return URI.create("https://login.microsoftonline.com/" + authority + "/oauth2/v2.0/token");
    }
}
