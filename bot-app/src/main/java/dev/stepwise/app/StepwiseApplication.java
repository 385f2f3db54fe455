package dev.stepwise.app;

import dev.stepwise.core.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The runnable Stepwise service: the core, its adapters and, by default, embedded servers and the playground. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
public class StepwiseApplication {

    public static void main(String[] args) {
        SpringApplication.run(StepwiseApplication.class, args);
    }
}
