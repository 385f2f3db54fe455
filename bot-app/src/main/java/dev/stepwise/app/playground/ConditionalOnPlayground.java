package dev.stepwise.app.playground;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Registers the annotated playground part only while {@code stepwise.playground.enabled} is true (the default). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "stepwise.playground.enabled", havingValue = "true", matchIfMissing = true)
@interface ConditionalOnPlayground {
}
