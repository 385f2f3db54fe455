package dev.stepwise.teams;

import dev.stepwise.core.engine.ConversationEngine;
import dev.stepwise.core.help.HelpText;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.People;
import dev.stepwise.teams.auth.BotFrameworkKeys;
import dev.stepwise.teams.auth.BotFrameworkTokens;
import dev.stepwise.teams.cards.AdaptiveCardRenderer;
import dev.stepwise.teams.connector.BotConnector;
import dev.stepwise.teams.connector.BotTokens;
import dev.stepwise.teams.connector.ClientCredentialsTokens;
import dev.stepwise.teams.connector.HttpBotConnector;
import dev.stepwise.teams.inbound.LiveViews;
import dev.stepwise.teams.inbound.TeamsActivities;
import dev.stepwise.teams.inbound.TeamsInvokes;
import dev.stepwise.teams.inbound.TeamsPeople;
import dev.stepwise.teams.inbound.TeamsTurns;
import dev.stepwise.teams.outbound.ConversationReferences;
import dev.stepwise.teams.outbound.TeamsMessenger;
import dev.stepwise.teams.outbound.TeamsReplies;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The Teams adapter, on when {@code stepwise.teams.app-id} is set: the messaging endpoint with its token checks,
 * the Bot Connector client with the bot's own token, and the Teams messenger.
 */
@AutoConfiguration
@ConditionalOnExpression("'${stepwise.teams.app-id:}' != ''")
@EnableConfigurationProperties(TeamsProperties.class)
public class TeamsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TeamsAutoConfiguration.class);

    @Bean
    HttpClient teamsHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Bean
    BotFrameworkKeys teamsSigningKeys(TeamsProperties properties, HttpClient teamsHttpClient, Clock clock) {
        return new BotFrameworkKeys(teamsHttpClient, properties.openIdMetadataUrl(), clock);
    }

    /** Reads the signing keys before the web server takes requests, so the first ones don't wait for them. */
    @Bean
    SmartInitializingSingleton teamsSigningKeysWarmUp(BotFrameworkKeys keys, TeamsProperties properties) {
        return () -> {
            if (!keys.load()) {
                log.warn("Couldn't read the Bot Framework's signing keys from {} at start-up; requests will retry",
                        properties.openIdMetadataUrl());
            }
        };
    }

    @Bean
    BotFrameworkTokens teamsInboundTokens(TeamsProperties properties, BotFrameworkKeys keys, Clock clock) {
        return new BotFrameworkTokens(keys, properties.appId(), clock, properties.clockSkew());
    }

    @Bean
    BotTokens teamsBotTokens(TeamsProperties properties, HttpClient teamsHttpClient, Clock clock) {
        if (!TeamsProperties.MULTI_TENANT.equalsIgnoreCase(properties.appType()) && !properties.singleTenant()) {
            throw new IllegalStateException("stepwise.teams.app-type (MicrosoftAppType) must be MultiTenant or SingleTenant, was "
                    + properties.appType() + "; managed identities aren't supported yet.");
        }
        if (properties.singleTenant() && (properties.tenantId() == null || properties.tenantId().isBlank())) {
            throw new IllegalStateException("A SingleTenant Teams app needs stepwise.teams.tenant-id (MicrosoftAppTenantId).");
        }
        if (properties.appPassword() == null || properties.appPassword().isBlank()) {
            throw new IllegalStateException("The Teams adapter needs stepwise.teams.app-password (MicrosoftAppPassword) to answer.");
        }
        return new ClientCredentialsTokens(teamsHttpClient, properties.tokenEndpointOrDefault(), properties.appId(),
                properties.appPassword(), clock);
    }

    @Bean
    BotConnector teamsBotConnector(HttpClient teamsHttpClient, BotTokens teamsBotTokens, Clock clock) {
        return new HttpBotConnector(teamsHttpClient, teamsBotTokens, clock);
    }

    @Bean
    AdaptiveCardRenderer adaptiveCardRenderer() {
        return new AdaptiveCardRenderer();
    }

    @Bean
    ConversationReferences teamsConversations(JdbcClient jdbc, Clock clock) {
        return new ConversationReferences(jdbc, clock);
    }

    @Bean
    TeamsPeople teamsPeople(Organisations organisations, People people, BotConnector connector,
                            StatefulRedisConnection<String, String> redis) {
        return new TeamsPeople(organisations, people, connector, redis);
    }

    @Bean
    TeamsTurns teamsTurns(TeamsPeople people, ConversationEngine engine) {
        return new TeamsTurns(people, engine);
    }

    @Bean
    TeamsReplies teamsReplies(AdaptiveCardRenderer renderer, BotConnector connector) {
        return new TeamsReplies(renderer, connector);
    }

    @Bean
    LiveViews teamsLiveViews(ConversationEngine engine) {
        return new LiveViews(engine);
    }

    @Bean
    TeamsActivities teamsActivities(TeamsTurns turns, TeamsReplies replies, ConversationReferences references,
                                    BotConnector connector, HelpText help, LiveViews views) {
        return new TeamsActivities(turns, replies, references, connector, help, views);
    }

    @Bean
    TeamsInvokes teamsInvokes(TeamsTurns turns, TeamsReplies replies, LiveViews views) {
        return new TeamsInvokes(turns, replies, views);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService teamsWorkers(TeamsProperties properties) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(properties.queueCapacity()), new CustomizableThreadFactory("teams-work-"),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    TeamsMessenger teamsMessenger(Organisations organisations, TeamsPeople people, ConversationReferences references,
                                  TeamsReplies replies, ExecutorService teamsWorkers) {
        return new TeamsMessenger(organisations, people, references, replies, teamsWorkers);
    }

    @Bean
    TeamsEndpoint teamsEndpoint(BotFrameworkTokens tokens, TeamsInvokes invokes, TeamsActivities activities,
                                ExecutorService teamsWorkers, TeamsProperties properties) {
        java.util.function.BooleanSupplier overloaded = teamsWorkers instanceof ThreadPoolExecutor pool
                ? () -> pool.getQueue().remainingCapacity() == 0
                : () -> false;
        log.info("Teams adapter on: app {} ({}), keys from {}", properties.appId(), properties.appType(),
                properties.openIdMetadataUrl());
        return new TeamsEndpoint(tokens, invokes, activities, teamsWorkers, overloaded);
    }
}
