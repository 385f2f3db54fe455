package dev.stepwise.slack.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.MessageEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yardstick: a bare Bolt app answering the benchmark's two request kinds with nothing but {@code ctx.ack()}, on
 * the same HTTP stack as the adapter (Boot's Tomcat and Spring MVC auto-configuration, nothing else) behind an
 * endpoint that does only what Bolt needs: read the body, {@link SlackRequestParser}, {@link App#run}. Bolt itself
 * verifies the signature (its default {@code RequestVerification} middleware) and authorises the request with the
 * bot token (its {@code SingleTeamAuthorization}, auth.test cached), exactly as an app from Bolt's guide does.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
        MultipartAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@Import(BareBoltApp.Endpoint.class)
public class BareBoltApp {

    @Bean
    App bareBolt(Environment environment) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(environment.getRequiredProperty("bench.slack.api-url"));
        slackConfig.setPrettyResponseLoggingEnabled(false);
        App app = new App(AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .signingSecret(environment.getRequiredProperty("bench.slack.signing-secret"))
                .singleTeamBotToken(environment.getRequiredProperty("bench.slack.bot-token"))
                .build());
        app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
        app.command("/stepwise", (request, ctx) -> ctx.ack());
        return app;
    }

    @RestController
    static class Endpoint {

        private final App app;
        private final SlackRequestParser parser;

        Endpoint(App app) {
            this.app = app;
            this.parser = new SlackRequestParser(app.config());
        }

        @PostMapping("/slack/events")
        ResponseEntity<String> events(HttpServletRequest servletRequest) throws Exception {
            String body = new String(servletRequest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(servletRequest.getRequestURI())
                    .queryString(Map.of())
                    .headers(new RequestHeaders(headers(servletRequest)))
                    .requestBody(body)
                    .remoteAddress(servletRequest.getRemoteAddr())
                    .build());
            Response response = app.run(request);
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.getStatusCode());
            if (response.getContentType() != null) {
                builder.header("Content-Type", response.getContentType());
            }
            return builder.body(response.getBody() == null ? "" : response.getBody());
        }

        private static Map<String, List<String>> headers(HttpServletRequest request) throws IOException {
            Map<String, List<String>> headers = new HashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
            }
            return headers;
        }
    }
}
