package dev.stepwise.app;

import dev.stepwise.core.testing.TestClock;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context of the assembly a {@link TestClock} at the suite's base instant as its one
 * {@code Clock} bean (registered in {@code META-INF/spring.factories}), in place of {@code CoreBeans}' system clock,
 * so no assembly test depends on when it runs. A test that needs to move time autowires the {@code TestClock}.
 */
class BaseInstantClock implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new Customizer();
    }

    /** Equal to every other, so contexts are cached as before. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("clock",
                    new RootBeanDefinition(TestClock.class, TestClock::atBase));
        }
    }
}
