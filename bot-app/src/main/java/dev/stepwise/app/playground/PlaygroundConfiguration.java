package dev.stepwise.app.playground;

import dev.stepwise.core.conversation.Messenger;
import dev.stepwise.core.organisation.Organisations;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The playground channel: its page at {@code /}, its JSON API, and its messenger. Off when disabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPlayground
class PlaygroundConfiguration implements WebMvcConfigurer {

    @Bean
    PlaygroundConversations playgroundConversations(Clock clock, PlaygroundProperties properties) {
        return new PlaygroundConversations(clock, properties.historyPerPerson());
    }

    @Bean
    Messenger playgroundMessenger(PlaygroundConversations conversations, Organisations organisations,
                                  PlaygroundProperties properties) {
        return new PlaygroundMessenger(conversations, organisations, properties.organisation());
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/playground/**").addResourceLocations("classpath:/playground/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/playground/index.html");
    }
}
