package dev.stepwise.app;

import dev.stepwise.core.conversation.CoreSettings;
import dev.stepwise.core.llm.LlmSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the core needs from the assembly, other than the database and Redis. */
@Configuration(proxyBeanMethods = false)
class CoreBeans {

    @Bean
    CoreSettings coreSettings(ConversationProperties properties) {
        return new CoreSettings(properties.ttl(), properties.deduplicationWindow(), properties.maxFeedbackLength());
    }

    @Bean
    LlmSettings llmSettings(LlmProperties llm) {
        return new LlmSettings(llm.baseUrl(), llm.apiKey(), llm.model(), llm.timeout(), llm.maxOutputTokens(),
                llm.dailyTokensPerOrganisation(), llm.failuresBeforeOpen(), llm.openFor(), llm.maxConcurrentCalls());
    }

    /**
     * The one source of the time for the core, the adapters and the assembly (TimeComesFromTheClockTest keeps it so);
     * the assembly's tests put a TestClock at their base instant in its place.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
