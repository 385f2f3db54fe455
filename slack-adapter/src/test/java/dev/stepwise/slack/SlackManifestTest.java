package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;

/** The manifest in infra/ asks Slack for exactly what the adapter handles, so an install works as shipped. */
class SlackManifestTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest() throws IOException {
        Path path = Path.of("..", "infra", "slack", "manifest.yaml");
        try (InputStream in = Files.newInputStream(path)) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void commandsShortcutsEventsScopesAndUrlsMatchTheAdapter() throws IOException {
        Map<String, Object> manifest = manifest();
        Map<String, Object> features = (Map<String, Object>) manifest.get("features");
        Map<String, Object> settings = (Map<String, Object>) manifest.get("settings");
        SlackProperties defaults = Binder.get(new MockEnvironment()).bindOrCreate("stepwise.slack", SlackProperties.class);

        List<Map<String, Object>> commands = (List<Map<String, Object>>) features.get("slash_commands");
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.get("command")).isEqualTo(defaults.command());
            assertThat((String) command.get("url")).endsWith("/slack/events");
            assertThat(command.get("should_escape")).as("mentions arrive as user ids").isEqualTo(true);
        });
        assertThat((List<Map<String, Object>>) features.get("shortcuts")).extracting(s -> s.get("callback_id"))
                .containsExactlyInAnyOrder("give_feedback_on_message", "request_feedback");
        assertThat(((Map<String, Object>) features.get("app_home")).get("home_tab_enabled")).isEqualTo(true);

        Map<String, Object> events = (Map<String, Object>) settings.get("event_subscriptions");
        assertThat((String) events.get("request_url")).endsWith("/slack/events");
        assertThat((List<String>) events.get("bot_events"))
                .containsExactlyInAnyOrder("app_home_opened", "app_mention", "message.im", "tokens_revoked", "app_uninstalled");
        assertThat((String) ((Map<String, Object>) settings.get("interactivity")).get("request_url")).endsWith("/slack/events");

        Map<String, Object> oauth = (Map<String, Object>) manifest.get("oauth_config");
        assertThat((List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot"))
                .as("the scopes OAuth installs ask for").containsExactlyInAnyOrderElementsOf(defaults.scopes());
        assertThat((List<String>) oauth.get("redirect_urls")).singleElement().asString().endsWith(defaults.redirectPath());
    }
}
