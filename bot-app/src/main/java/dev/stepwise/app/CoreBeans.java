package dev.stepwise.app;

import dev.stepwise.core.conversation.CoreSettings;
import dev.stepwise.core.conversation.Messenger;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the core needs from the assembly, other than the database and Redis. */
@Configuration(proxyBeanMethods = false)
class CoreBeans {

    private static final Logger log = LoggerFactory.getLogger(CoreBeans.class);

    @Bean
    CoreSettings coreSettings(ConversationProperties properties) {
        return new CoreSettings(properties.ttl(), properties.deduplicationWindow(), properties.maxFeedbackLength());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Without the playground no channel can yet reach people outside their own conversation (the Slack and
     * Teams adapters will); such messages are logged as undelivered rather than silently dropped.
     */
    @Bean
    @ConditionalOnProperty(name = "stepwise.playground.enabled", havingValue = "false")
    Messenger unreachableMessenger() {
        return (organisationId, personId, blocks) -> {
            log.warn("No channel is enabled that can message person {} of organisation {}; the message was not delivered",
                    personId, organisationId);
            return false;
        };
    }
}
