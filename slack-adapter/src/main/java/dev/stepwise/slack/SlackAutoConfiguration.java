package dev.stepwise.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.response.Response;
import dev.stepwise.core.engine.ConversationEngine;
import dev.stepwise.core.conversation.CoreSettings;
import dev.stepwise.core.conversation.InboundEvents;
import dev.stepwise.core.home.HomeSummary;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.People;
import dev.stepwise.slack.blockkit.BlockKitRenderer;
import dev.stepwise.slack.inbound.SlackListeners;
import dev.stepwise.slack.inbound.SlackPeople;
import dev.stepwise.slack.inbound.SlackTurns;
import dev.stepwise.slack.inbound.SlackWorkspaces;
import dev.stepwise.slack.install.JdbcInstallationService;
import dev.stepwise.slack.install.RedisOAuthStateService;
import dev.stepwise.slack.install.TokenCipher;
import dev.stepwise.slack.outbound.DirectMessages;
import dev.stepwise.slack.outbound.PendingForms;
import dev.stepwise.slack.outbound.SlackHome;
import dev.stepwise.slack.outbound.SlackMessenger;
import dev.stepwise.slack.outbound.SlackReplies;
import dev.stepwise.slack.webapi.SlackWebApi;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The Slack adapter, on when {@code stepwise.slack.signing-secret} is set: Bolt with Stepwise's listeners, the
 * request URL, OAuth installs in multi-workspace mode, and the Slack messenger.
 */
@AutoConfiguration
@ConditionalOnExpression("'${stepwise.slack.signing-secret:}' != ''")
@EnableConfigurationProperties(SlackProperties.class)
public class SlackAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackAutoConfiguration.class);

    @Bean
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrl().endsWith("/") ? properties.apiUrl() : properties.apiUrl() + "/");
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    SlackWebApi slackWebApi(SlackProperties properties, Clock clock) {
        return new SlackWebApi(SlackWebApi.Settings.defaults(properties.apiUrl()), clock);
    }

    @Bean
    BlockKitRenderer blockKitRenderer() {
        return new BlockKitRenderer();
    }

    @Bean
    InstallationService slackInstallations(SlackProperties properties, JdbcClient jdbc, Clock clock) {
        if (!properties.multiWorkspace()) {
            return null;
        }
        return new JdbcInstallationService(jdbc, new TokenCipher(properties.tokenEncryptionKey()), clock);
    }

    @Bean
    SlackWorkspaces slackWorkspaces(Organisations organisations, SlackProperties properties,
                                    org.springframework.beans.factory.ObjectProvider<InstallationService> installations) {
        return new SlackWorkspaces(organisations, properties.multiWorkspace() ? null : properties.botToken(),
                installations.getIfAvailable());
    }

    @Bean
    SlackPeople slackPeople(People people, SlackWebApi api, StatefulRedisConnection<String, String> redis) {
        return new SlackPeople(people, api, redis);
    }

    @Bean
    PendingForms slackPendingForms(StatefulRedisConnection<String, String> redis, CoreSettings settings) {
        return new PendingForms(redis, settings.conversationTtl());
    }

    @Bean
    DirectMessages slackDirectMessages(SlackWebApi api, StatefulRedisConnection<String, String> redis) {
        return new DirectMessages(api, redis);
    }

    @Bean
    SlackReplies slackReplies(SlackWebApi api, BlockKitRenderer renderer, PendingForms forms, DirectMessages dms, Slack slack) {
        return new SlackReplies(api, renderer, forms, dms, slack);
    }

    @Bean
    SlackHome slackHome(SlackWorkspaces workspaces, SlackPeople people, HomeSummary summary, BlockKitRenderer renderer,
                        SlackWebApi api, InboundEvents events, StatefulRedisConnection<String, String> redis) {
        return new SlackHome(workspaces, people, summary, renderer, api, events, redis);
    }

    @Bean
    SlackMessenger slackMessenger(SlackWorkspaces workspaces, SlackPeople slackPeople, People people,
                                  SlackReplies replies, SlackHome home, ExecutorService slackWorkers) {
        return new SlackMessenger(workspaces, slackPeople, people, replies, home, slackWorkers);
    }

    @Bean
    SlackTurns slackTurns(SlackWorkspaces workspaces, SlackPeople people, ConversationEngine engine, SlackReplies replies) {
        return new SlackTurns(workspaces, people, engine, replies);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService slackWorkers(SlackProperties properties) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(properties.queueCapacity()), new CustomizableThreadFactory("slack-work-"), SlackListeners.QUEUE_FULL);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    SlackListeners slackListeners(SlackTurns turns, SlackReplies replies, SlackHome home, PendingForms forms,
                                  BlockKitRenderer renderer, ExecutorService slackWorkers, SlackProperties properties) {
        return new SlackListeners(turns, replies, home, forms, renderer, slackWorkers, properties.command());
    }

    @Bean
    App slackApp(SlackProperties properties, Slack slack, SlackListeners listeners,
                 org.springframework.beans.factory.ObjectProvider<InstallationService> installations,
                 StatefulRedisConnection<String, String> redis) {
        AppConfig.AppConfigBuilder config = AppConfig.builder()
                .slack(slack)
                .signingSecret(properties.signingSecret())
                // Verified before parsing by SlackEndpoint, the one place that refuses unsigned or stale requests.
                .requestVerificationEnabled(false)
                // Subscriptions bring events nobody handles (message.im also sends edits, deletions, bot messages):
                // acknowledge them quietly instead of a warning with sample listener code for each.
                .allEventsApiAutoAckEnabled(true)
                .unmatchedRequestHandler(request -> {
                    log.debug("Ignoring a Slack request nobody handles: {}", request.getRequestType());
                    return Response.ok();
                });
        if (properties.multiWorkspace()) {
            // Without it Bolt calls auth.test for every request, inside the acknowledgement (docs/benchmarks/slack-ack.md).
            config.authTestCacheEnabled(true);
            config.clientId(properties.clientId()).clientSecret(properties.clientSecret())
                    .scope(String.join(",", properties.scopes()))
                    .oauthInstallPath(properties.installPath()).oauthRedirectUriPath(properties.redirectPath())
                    .oAuthInstallPathEnabled(true).oAuthRedirectUriPathEnabled(true)
                    .oAuthStartEnabled(true).oAuthCallbackEnabled(true)
                    .oauthCompletionUrl(properties.installCompletionUrl());
        } else {
            config.singleTeamBotToken(properties.botToken());
        }
        App app = new App(config.build());
        if (properties.multiWorkspace()) {
            app.service(installations.getObject());
            app.service(new RedisOAuthStateService(redis));
            app.enableTokenRevocationHandlers();
        }
        listeners.register(app);
        log.info("Slack adapter on: {} mode, Web API at {}", properties.multiWorkspace() ? "multi-workspace (OAuth)" : "single-workspace",
                properties.apiUrl());
        return app;
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty("stepwise.slack.socket-mode")
    SlackSocketMode slackSocketMode(App app, SlackProperties properties) {
        return new SlackSocketMode(app, properties.appToken());
    }

    @Bean
    BoltWarmUp slackWarmUp(App app) {
        return new BoltWarmUp(app);
    }

    @Bean
    SlackEndpoint slackEndpoint(App app, SlackProperties properties, Clock clock, ExecutorService slackWorkers) {
        java.util.function.BooleanSupplier overloaded = slackWorkers instanceof ThreadPoolExecutor pool
                ? () -> pool.getQueue().remainingCapacity() == 0
                : () -> false;
        return new SlackEndpoint(app, new SlackRequestVerifier(properties.signingSecret(), clock, properties.replayWindow()),
                overloaded);
    }
}
