package dev.stepwise.app.playground;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stepwise.playground.*}: the local web channel. On by default, off in the {@code production} profile;
 * it lets anyone act as any person of {@code organisation}, so it must never face real users.
 */
@ConfigurationProperties("stepwise.playground")
public record PlaygroundProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("northwind") String organisation,
                                   @DefaultValue("200") int historyPerPerson) {
}
