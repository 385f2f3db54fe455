package dev.stepwise.app.admin;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueStore;
import dev.stepwise.core.catalogue.importing.CatalogueImport;
import dev.stepwise.core.catalogue.importing.ColumnMapping;
import dev.stepwise.core.catalogue.importing.ImportMode;
import dev.stepwise.core.catalogue.importing.ImportReport;
import dev.stepwise.core.catalogue.importing.ImportRequest;
import dev.stepwise.core.catalogue.importing.RowProblem;
import dev.stepwise.core.catalogue.importing.SkillNames;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.organisation.Organisation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue part of the admin API, one organisation (by key) at a time: import a CSV or JSON file, read, delete
 * and search items. {@link AdminAuthentication} has checked the caller's token for the organisation before any of
 * this runs.
 */
@RestController
@RequestMapping("/admin/api/organisations/{organisation}/catalogue")
class CatalogueAdminController {

    /** An item as the admin API shows it. */
    record ItemJson(UUID id, String key, String title, String url, String description, String type, List<String> skills,
                    int levelMin, int levelMax, Integer durationMinutes, String language) {
        static ItemJson of(CatalogueItem item) {
            return new ItemJson(item.id(), item.key(), item.title(), item.url(), item.description(), item.type(),
                    item.skills(), item.levelMin(), item.levelMax(), item.durationMinutes(), item.language());
        }
    }

    /** A search result: the item and its score (comparable within one answer only). */
    record HitJson(UUID id, String key, String title, String url, String type, List<String> skills, int levelMin,
                   int levelMax, Integer durationMinutes, double score) {
        static HitJson of(SearchHit hit) {
            CatalogueItem item = hit.item();
            return new HitJson(item.id(), item.key(), item.title(), item.url(), item.type(), item.skills(),
                    item.levelMin(), item.levelMax(), item.durationMinutes(), hit.score());
        }
    }

    /** An import report with lower-case words for the format and mode. */
    record ReportJson(String format, String mode, boolean dryRun, int rows, int added, int updated, int unchanged,
                      int deleted, int rejected, List<RowProblem> problems, Map<String, Integer> ignoredSkills,
                      List<String> deletedKeys, List<String> notes) {
        static ReportJson of(ImportReport report) {
            return new ReportJson(report.format().name().toLowerCase(Locale.ROOT), report.mode().name().toLowerCase(Locale.ROOT),
                    report.dryRun(), report.rows(), report.added(), report.updated(), report.unchanged(), report.deleted(),
                    report.rejected(), report.problems(), report.ignoredSkills(), report.deletedKeys(), report.notes());
        }
    }

    record DeletedJson(String deleted, UUID id) {
    }

    private final AdminOrganisations organisations;
    private final Skills skills;
    private final CatalogueImport importer;
    private final CatalogueStore store;
    private final ObjectProvider<CatalogueSearch> search;
    private final AdminProperties properties;

    CatalogueAdminController(AdminOrganisations organisations, Skills skills, CatalogueImport importer, CatalogueStore store,
                             ObjectProvider<CatalogueSearch> search, AdminProperties properties) {
        this.organisations = organisations;
        this.skills = skills;
        this.importer = importer;
        this.store = store;
        this.search = search;
        this.properties = properties;
    }

    /**
     * Parameters come from the query string or, in a multipart form, from its fields: {@code format}, {@code mode},
     * {@code dryRun}, {@code mapping} (the mapping may also be a file part).
     */
    @PostMapping("/import")
    ReportJson importFile(@PathVariable String organisation, HttpServletRequest request) throws IOException {
        Organisation org = organisation(organisation, request);
        CatalogueUploads.parseForm(request);
        ImportMode importMode = mode(request.getParameter("mode"));
        boolean dry = flag("dryRun", request.getParameter("dryRun"));
        CatalogueUploads.Upload upload = CatalogueUploads.read(request, request.getParameter("format"),
                request.getParameter("mapping"), properties.maxUploadSize());
        ColumnMapping columnMapping = ColumnMapping.fromJson(upload.mapping());
        return ReportJson.of(importer.importFile(org.id(),
                new ImportRequest(upload.format(), upload.content(), columnMapping, importMode, dry)));
    }

    @GetMapping("/items/{key}")
    ItemJson item(@PathVariable String organisation, @PathVariable String key, HttpServletRequest request) {
        Organisation org = organisation(organisation, request);
        return store.find(org.id(), key).map(ItemJson::of).orElseThrow(() -> noItem(org, key));
    }

    @DeleteMapping("/items/{key}")
    DeletedJson delete(@PathVariable String organisation, @PathVariable String key, HttpServletRequest request) {
        Organisation org = organisation(organisation, request);
        UUID id = importer.delete(org.id(), List.of(key)).get(key);
        if (id == null) {
            throw noItem(org, key);
        }
        return new DeletedJson(key, id);
    }

    @GetMapping("/search")
    List<HitJson> search(@PathVariable String organisation,
                         @RequestParam(required = false) String q,
                         @RequestParam(required = false) String k,
                         @RequestParam(name = "skill", required = false) List<String> skill,
                         @RequestParam(required = false) String level,
                         @RequestParam(name = "type", required = false) List<String> type,
                         @RequestParam(required = false) String maxDuration,
                         @RequestParam(required = false) String mode,
                         HttpServletRequest request) {
        Organisation org = organisation(organisation, request);
        CatalogueSearch catalogueSearch = search.getIfAvailable();
        if (catalogueSearch == null) {
            throw new AdminProblem(HttpStatus.SERVICE_UNAVAILABLE, "Catalogue search isn't available in this build yet.");
        }
        SearchQuery query = SearchParameters.query(q, k, skill, level, type, maxDuration, mode,
                new SkillNames(skills.list(org.id())));
        return catalogueSearch.search(org.id(), query).stream().map(HitJson::of).toList();
    }

    /** The organisation, once the caller's token is known to administer it (else 403, before 404 says whether it exists). */
    private Organisation organisation(String key, HttpServletRequest request) {
        return organisations.administered(key, request);
    }

    private static AdminProblem noItem(Organisation org, String key) {
        return new AdminProblem(HttpStatus.NOT_FOUND, "The catalogue of '%s' has no item '%s'.".formatted(org.key(), key));
    }

    private static ImportMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return ImportMode.UPSERT;
        }
        return switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "upsert" -> ImportMode.UPSERT;
            case "replace" -> ImportMode.REPLACE;
            default -> throw new AdminProblem(HttpStatus.BAD_REQUEST, "mode must be upsert or replace, not '" + mode + "'.");
        };
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new AdminProblem(HttpStatus.BAD_REQUEST, name + " must be true or false, not '" + value + "'.");
        };
    }
}
