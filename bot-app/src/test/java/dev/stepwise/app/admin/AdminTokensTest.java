package dev.stepwise.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.app.embedded.EmbeddedDefaults;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class AdminTokensTest {

    private static final String ADMIN = "admin-token-0123456789abcdef";
    private static final String ACME = "acme-token-0123456789abcdef";

    @Test
    void aTokenIsTheAdminOfEveryOrganisationOrOfOne() {
        AdminTokens tokens = AdminTokens.of(properties(ADMIN, Map.of("acme", ACME)), false);

        assertThat(tokens.enabled()).isTrue();
        assertThat(tokens.admin(ADMIN)).hasValueSatisfying(a -> {
            assertThat(a.organisation()).isNull();
            assertThat(a.administers("anything")).isTrue();
        });
        assertThat(tokens.admin(" " + ACME + " ")).hasValueSatisfying(a -> {
            assertThat(a.administers("acme")).isTrue();
            assertThat(a.administers("globex")).isFalse();
        });
        assertThat(tokens.admin(ADMIN.substring(1))).isEmpty();
        assertThat(tokens.admin(ADMIN + "0")).isEmpty();
        assertThat(tokens.admin("")).isEmpty();
        assertThat(tokens.admin(null)).isEmpty();
        assertThat(tokens.admin(AdminTokens.DEMO_TOKEN)).isEmpty();
    }

    @Test
    void withNoTokenTheApiIsOffUnlessTheDemoMayOpenIt() {
        assertThat(AdminTokens.of(properties(null, Map.of()), false).enabled()).isFalse();
        assertThat(AdminTokens.of(properties("  ", Map.of("acme", "")), false).enabled()).isFalse();

        AdminTokens demo = AdminTokens.of(properties(null, Map.of()), true);
        assertThat(demo.demo()).isTrue();
        assertThat(demo.admin(AdminTokens.DEMO_TOKEN)).hasValueSatisfying(a -> assertThat(a.organisation()).isNull());

        AdminTokens configured = AdminTokens.of(properties(null, Map.of("acme", ACME)), true);
        assertThat(configured.demo()).isFalse();
        assertThat(configured.admin(AdminTokens.DEMO_TOKEN)).isEmpty();
    }

    @Test
    void shortAndSharedTokensStopTheStartWithoutShowingThem() {
        assertThatThrownBy(() -> AdminTokens.of(properties("secret", Map.of()), false))
                .hasMessage("stepwise.admin.token is shorter than 16 characters; use a long random token, e.g. the output of: "
                        + "openssl rand -hex 32")
                .hasMessageNotContaining("secret\"");
        assertThatThrownBy(() -> AdminTokens.of(properties(ADMIN, Map.of("acme", ADMIN)), false))
                .hasMessage("stepwise.admin.organisation-tokens.acme is the same token as another admin token; give each its own");
        assertThat(properties(ADMIN, Map.of("acme", ACME)).toString()).doesNotContain(ADMIN, ACME).contains("(set)", "acme");
    }

    @Test
    void theDemoTokenOnlyOnTheEmbeddedDatabaseAndNeverInProduction() {
        AdminConfiguration configuration = new AdminConfiguration();
        var embedded = new StaticListableBeanFactory(Map.of("embeddedDefaults", new EmbeddedDefaults("jdbc:postgresql://x")));
        var configured = new StaticListableBeanFactory();
        MockEnvironment development = new MockEnvironment();
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        AdminProperties none = properties(null, Map.of());

        assertThat(configuration.adminTokens(none, embedded.getBeanProvider(EmbeddedDefaults.class), development).demo()).isTrue();
        assertThat(configuration.adminTokens(none, embedded.getBeanProvider(EmbeddedDefaults.class), production).enabled()).isFalse();
        assertThat(configuration.adminTokens(none, configured.getBeanProvider(EmbeddedDefaults.class), development).enabled()).isFalse();
    }

    private static AdminProperties properties(String token, Map<String, String> organisationTokens) {
        return new AdminProperties(token, organisationTokens, DataSize.ofMegabytes(20));
    }
}
