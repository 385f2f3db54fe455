package dev.stepwise.app.demo;

import dev.stepwise.app.embedded.EmbeddedDefaults;
import dev.stepwise.core.catalogue.Catalogue;
import dev.stepwise.core.catalogue.sync.CatalogueChanges;
import dev.stepwise.core.importing.OrganisationImport;
import dev.stepwise.core.organisation.Organisation;
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
    private final Catalogue catalogue;
    private final ObjectProvider<CatalogueChanges> changes;

    DemoOrganisationLoader(DemoProperties properties, ObjectProvider<EmbeddedDefaults> embedded,
                           OrganisationImport importer, ResourceLoader resources, Catalogue catalogue,
                           ObjectProvider<CatalogueChanges> changes) {
        this.properties = properties;
        this.embedded = embedded;
        this.importer = importer;
        this.resources = resources;
        this.catalogue = catalogue;
        this.changes = changes;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean load = properties.enabled() != null ? properties.enabled() : embedded.getIfAvailable() != null;
        if (!load) {
            log.info("Demo organisation not loaded (set stepwise.demo.enabled=true to load it)");
            return;
        }
        Organisation demo = importer.loadIfAbsent(OrganisationImport.read(resources.getResource(properties.resource()).getInputStream()));
        embedCatalogue(demo);
    }

    /**
     * Embeds the demo catalogue before the application is ready (about a second for its 72 items), so the first search
     * in the playground ranks with embeddings as every later one does, not with BM25 alone while they are computed.
     */
    private void embedCatalogue(Organisation demo) {
        CatalogueChanges changes = this.changes.getIfAvailable();
        if (changes == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            int embedded = changes.apply(demo.id(), catalogue.ids(demo.id())).join();
            if (embedded > 0) {
                log.info("Embedded {} items of the demo catalogue in {} ms", embedded, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException failed) {
            log.warn("Couldn't embed the demo catalogue at start-up; it is embedded at its first search instead", failed);
        }
    }
}
