package dev.stepwise.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stepwise.demo.*}: whether to load the demo organisation (unset: only when running on the embedded
 * database) and which document to load.
 */
@ConfigurationProperties("stepwise.demo")
public record DemoProperties(Boolean enabled, @DefaultValue("classpath:demo/northwind.json") String resource) {
}
