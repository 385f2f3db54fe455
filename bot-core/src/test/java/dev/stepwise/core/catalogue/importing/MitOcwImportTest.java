package dev.stepwise.core.catalogue.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueStore;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.RecordingCatalogueUpdates;
import dev.stepwise.core.testing.SharedDataFolders;
import dev.stepwise.core.testing.TestOrganisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real MIT OpenCourseWare export (2,590 courses, CC BY-NC-SA 4.0, see shared/data/catalogue/SOURCES.md) through
 * the mapping the project ships for it, {@code infra/cli/mappings/mit-ocw.json}.
 */
class MitOcwImportTest {

    private static final String EXPORT = "catalogue/mit-ocw/ocw_oer_export.csv";

    private final TestOrganisation org = TestOrganisation.create();
    private final RecordingCatalogueUpdates updates = new RecordingCatalogueUpdates(RealServers.get().dataSource());
    private final CatalogueStore store = CoreTestContext.bean(CatalogueStore.class);
    private final CatalogueImport importer = new CatalogueImport(store, CoreTestContext.bean(Skills.class),
            CoreTestContext.bean(TransactionTemplate.class), updates);

    @Test
    void theWholeExportIsImportedOnceAndAgainChangesNothing() throws IOException {
        Optional<Path> export = SharedDataFolders.find(EXPORT);
        assumeTrue(export.isPresent(), () -> SharedDataFolders.absent(EXPORT));
        byte[] content = Files.readAllBytes(export.get());
        ColumnMapping mapping = ColumnMapping.fromJson(Files.readString(repositoryFile("infra/cli/mappings/mit-ocw.json")));

        ImportReport first = importer.importFile(org.id(), new ImportRequest(CatalogueFormat.CSV, content, mapping,
                ImportMode.UPSERT, false));

        assertThat(first).extracting(ImportReport::rows, ImportReport::added, ImportReport::rejected).containsExactly(2590, 2590, 0);
        assertThat(first.ignoredSkills()).hasSize(200);
        assertThat(first.ignoredSkills().entrySet().iterator().next()).isEqualTo(Map.entry("Arts and Humanities", 858));
        assertThat(updates.notices()).singleElement().satisfies(n -> assertThat(n.itemIds()).hasSize(2590));
        Map<String, CatalogueItem> items = store.byKey(org.id());
        assertThat(items).hasSize(2591);
        CatalogueItem chemistry = items.get(ItemKeys.fromUrl(
                "https://live-qa.ocw.mit.edu/courses/5-112-principles-of-chemical-science-fall-2005"));
        assertThat(chemistry.title()).isEqualTo("Principles of Chemical Science");
        assertThat(chemistry.description()).startsWith("5.112 is an introductory chemistry course");
        assertThat(chemistry).extracting(CatalogueItem::type, CatalogueItem::levelMin, CatalogueItem::levelMax,
                CatalogueItem::language).containsExactly("course", 1, 5, "en");
        assertThat(items.values()).filteredOn(i -> i.title().equals("Pre-7.01: Getting up to Speed in Biology"))
                .singleElement().satisfies(i -> assertThat(i.description()).contains("\n"));
        assertThat(items.values().stream().filter(i -> i.key().startsWith(ItemKeys.PREFIX) && i.skills().contains("communication")).count()).isEqualTo(68);

        updates.clear();
        ImportReport again = importer.importFile(org.id(), new ImportRequest(CatalogueFormat.CSV, content, mapping,
                ImportMode.REPLACE, true));

        assertThat(again).extracting(ImportReport::unchanged, ImportReport::added, ImportReport::updated, ImportReport::deleted)
                .containsExactly(2590, 0, 0, 1);
        assertThat(again.deletedKeys()).containsExactly("feedback-basics");
        assertThat(updates.notices()).isEmpty();
    }

    private static Path repositoryFile(String path) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        throw new IllegalStateException("No " + path + " above " + System.getProperty("user.dir"));
    }
}
