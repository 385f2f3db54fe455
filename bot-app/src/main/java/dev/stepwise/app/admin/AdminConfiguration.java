package dev.stepwise.app.admin;

import dev.stepwise.app.embedded.EmbeddedDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The admin API's tokens and the filter that checks them on {@code /admin/api/*}. Without a configured token it is off,
 * except on the embedded database outside the {@code production} profile, where the demo token opens it.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminConfiguration.class);

    @Bean
    AdminTokens adminTokens(AdminProperties properties, ObjectProvider<EmbeddedDefaults> embedded, Environment environment) {
        boolean demoAllowed = embedded.getIfAvailable() != null && !environment.acceptsProfiles(Profiles.of("production"));
        AdminTokens tokens = AdminTokens.of(properties, demoAllowed);
        if (tokens.demo()) {
            log.info("Admin API on at /admin/api with the demo token (embedded database, no admin token set); see docs/catalogue.md");
        } else if (tokens.enabled()) {
            log.info("Admin API on at /admin/api with {} token(s)", tokens.count());
        } else {
            log.info("Admin API off (set STEPWISE_ADMIN_TOKEN to turn it on)");
        }
        return tokens;
    }

    @Bean
    FilterRegistrationBean<AdminAuthentication> adminAuthentication(AdminTokens tokens, AdminProperties properties) {
        var registration = new FilterRegistrationBean<>(new AdminAuthentication(tokens, properties.maxUploadSize()));
        registration.addUrlPatterns(AdminAuthentication.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        registration.setName("adminAuthentication");
        return registration;
    }
}
