package dev.stepwise.teams;

import dev.stepwise.core.testing.RealServersBeans;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The core and the Teams adapter on the shared real PostgreSQL and Redis, as the assembly wires them. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RealServersBeans.class)
public class TeamsTestApplication {
}
