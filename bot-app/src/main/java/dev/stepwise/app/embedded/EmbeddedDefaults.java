package dev.stepwise.app.embedded;

/**
 * Present when the application started its own PostgreSQL: the "try it on one machine" mode, in which the demo
 * organisation is loaded unless {@code stepwise.demo.enabled=false}.
 */
public record EmbeddedDefaults(String jdbcUrl) {
}
