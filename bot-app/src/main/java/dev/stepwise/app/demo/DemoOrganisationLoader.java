package dev.stepwise.app.demo;

import dev.stepwise.app.embedded.EmbeddedDefaults;
import dev.stepwise.core.importing.OrganisationImport;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the demo organisation (people, teams, roles and matrices, goals, objectives, catalogue) at start-up:
 * always on the embedded database, on a configured one only when {@code stepwise.demo.enabled=true}.
 * An organisation that is already there is left untouched.
 */
@Component
class DemoOrganisationLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisationLoader.class);

    private final DemoProperties properties;
    private final ObjectProvider<EmbeddedDefaults> embedded;
    private final OrganisationImport importer;
    private final ResourceLoader resources;

    DemoOrganisationLoader(DemoProperties properties, ObjectProvider<EmbeddedDefaults> embedded,
                           OrganisationImport importer, ResourceLoader resources) {
        this.properties = properties;
        this.embedded = embedded;
        this.importer = importer;
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean load = properties.enabled() != null ? properties.enabled() : embedded.getIfAvailable() != null;
        if (!load) {
            log.info("Demo organisation not loaded (set stepwise.demo.enabled=true to load it)");
            return;
        }
        importer.loadIfAbsent(OrganisationImport.read(resources.getResource(properties.resource()).getInputStream()));
    }
}
