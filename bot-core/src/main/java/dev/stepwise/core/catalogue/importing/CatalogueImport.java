package dev.stepwise.core.catalogue.importing;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueStore;
import dev.stepwise.core.catalogue.CatalogueUpdates;
import dev.stepwise.core.competency.Skills;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an organisation's learning catalogue from a CSV export (through a {@link ColumnMapping}) or a JSON array,
 * and deletes items by key.
 * <p>
 * Each import is one transaction, and imports into one organisation run one after the other. Items are matched by
 * key (the mapped key column, else derived from the url): new keys are added, changed items updated (content and
 * skills), identical ones left alone. A row that breaks a rule is rejected with its row number and the reasons, and
 * the good rows are imported; a file that can't be read as a whole is refused with {@link ImportRefused} and changes
 * nothing. In {@link ImportMode#REPLACE} mode items the file doesn't have are deleted, but only when no row was
 * rejected. A dry run does everything, reports, and rolls back.
 * <p>
 * After the transaction commits, {@link CatalogueUpdates} is told the ids of every added, updated and deleted item;
 * never for a dry run or an import that failed. Call it outside any transaction.
 */
@Service
public class CatalogueImport {

    private static final Logger log = LoggerFactory.getLogger(CatalogueImport.class);
    private static final int MAX_IGNORED_SKILLS_LISTED = 200;

    private final CatalogueStore store;
    private final Skills skills;
    private final TransactionTemplate transaction;
    private final CatalogueUpdates updates;

    /** Tells every registered {@link CatalogueUpdates} (there is normally one: the search index). */
    @Autowired
    public CatalogueImport(CatalogueStore store, Skills skills, TransactionTemplate transaction,
                           ObjectProvider<CatalogueUpdates> updates) {
        this(store, skills, transaction, (organisationId, itemIds) -> {
            List<CatalogueUpdates> listeners = updates.orderedStream().toList();
            if (listeners.isEmpty()) {
                log.warn("No CatalogueUpdates is registered, so search isn't told about {} changed catalogue items",
                        itemIds.size());
            }
            listeners.forEach(listener -> listener.changed(organisationId, itemIds));
        });
    }

    public CatalogueImport(CatalogueStore store, Skills skills, TransactionTemplate transaction, CatalogueUpdates updates) {
        this.store = store;
        this.skills = skills;
        this.transaction = transaction;
        this.updates = updates;
    }

    /** Imports the file into the organisation; the report says what changed and which rows were rejected, and why. */
    public ImportReport importFile(UUID organisationId, ImportRequest request) {
        requireNoTransaction();
        List<String> notes = new ArrayList<>();
        List<SourceRow> rows = switch (request.format()) {
            case CSV -> {
                CsvRows.Read read = CsvRows.read(request.content(), request.mapping());
                notes.add(read.columnsNote());
                yield read.rows();
            }
            case JSON -> {
                JsonRows.Read read = JsonRows.read(request.content(), request.mapping());
                if (!request.mapping().columns().isEmpty()) {
                    notes.add("The mapping's columns apply to CSV files only; JSON items use our field names.");
                }
                if (read.ignoredNote() != null) {
                    notes.add(read.ignoredNote());
                }
                yield read.rows();
            }
        };
        if (rows.isEmpty()) {
            throw new ImportRefused("The file has no items, so nothing was imported.");
        }
        Outcome outcome = Objects.requireNonNull(transaction.execute(status -> {
            Outcome result = apply(organisationId, request, rows, notes);
            if (request.dryRun()) {
                status.setRollbackOnly();
            }
            return result;
        }));
        ImportReport report = outcome.report();
        log.info("Catalogue import{} into organisation {}: {} rows, {} added, {} updated, {} unchanged, {} deleted, {} rejected",
                request.dryRun() ? " (dry run)" : "", organisationId, report.rows(), report.added(), report.updated(),
                report.unchanged(), report.deleted(), report.rejected());
        if (!request.dryRun()) {
            tell(organisationId, outcome.changed());
        }
        return report;
    }

    /** Deletes the organisation's items with these keys; returns the ids of those that were there, by key. */
    public Map<String, UUID> delete(UUID organisationId, Collection<String> keys) {
        requireNoTransaction();
        Map<String, UUID> deleted = Objects.requireNonNull(transaction.execute(status -> {
            store.lock(organisationId);
            return store.delete(organisationId, new LinkedHashSet<>(keys));
        }));
        if (!deleted.isEmpty()) {
            log.info("Deleted {} catalogue items of organisation {}", deleted.size(), organisationId);
        }
        tell(organisationId, deleted.values());
        return deleted;
    }

    private record Outcome(ImportReport report, Set<UUID> changed) {
    }

    private Outcome apply(UUID organisationId, ImportRequest request, List<SourceRow> rows, List<String> notes) {
        store.lock(organisationId);
        SkillNames skillNames = new SkillNames(skills.list(organisationId));
        Map<String, UUID> skillIds = skillNames.idsByKey();
        ItemParser parser = new ItemParser(request.mapping(), skillNames);
        List<ItemParser.Parsed> parsed = rows.stream().map(parser::parse).toList();
        Map<String, CatalogueItem> existing = store.byKey(organisationId);

        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        Set<UUID> changed = new LinkedHashSet<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        boolean keysFromUrls = rows.stream().noneMatch(r -> r.value("key") != null);
        for (ItemParser.Parsed row : parsed) {
            if (!row.ok()) {
                problems.add(new RowProblem(row.row(), row.key(), String.join(" ", row.problems())));
                continue;
            }
            CatalogueItem item = row.item();
            Integer first = firstRowOfKey.putIfAbsent(item.key(), row.row());
            if (first != null) {
                problems.add(new RowProblem(row.row(), item.key(), (keysFromUrls
                        ? "It has the same url as row %d" : "It has the same key as row %d").formatted(first)
                        + ", so only that row was imported."));
                continue;
            }
            CatalogueItem stored = existing.get(item.key());
            if (stored == null) {
                changed.add(store.insert(organisationId, item, skillIds));
                added++;
            } else if (sameContent(stored, item)) {
                unchanged++;
            } else {
                store.update(organisationId, stored.id(), item, skillIds);
                changed.add(stored.id());
                updated++;
            }
        }

        List<String> deletedKeys = new ArrayList<>();
        if (request.mode() == ImportMode.REPLACE) {
            if (problems.isEmpty()) {
                Set<String> absent = new LinkedHashSet<>(existing.keySet());
                absent.removeAll(firstRowOfKey.keySet());
                Map<String, UUID> deleted = store.delete(organisationId, absent);
                deletedKeys.addAll(deleted.keySet());
                changed.addAll(deleted.values());
            } else {
                notes.add(("Nothing was deleted: replace deletes the items a file doesn't have only when every row is "
                        + "imported, and %d %s rejected. Fix %s and import the file again.")
                        .formatted(problems.size(), problems.size() == 1 ? "row was" : "rows were",
                                problems.size() == 1 ? "it" : "them"));
            }
        }
        if (problems.size() > ImportReport.MAX_LISTED) {
            notes.add("Only the first %,d of %,d rejected rows are listed.".formatted(ImportReport.MAX_LISTED, problems.size()));
        }
        ImportReport report = new ImportReport(request.format(), request.mode(), request.dryRun(), rows.size(), added,
                updated, unchanged, deletedKeys.size(), problems.size(),
                problems.subList(0, Math.min(problems.size(), ImportReport.MAX_LISTED)), ignoredSkills(parsed),
                deletedKeys.subList(0, Math.min(deletedKeys.size(), ImportReport.MAX_LISTED)), notes);
        return new Outcome(report, changed);
    }

    private static boolean sameContent(CatalogueItem stored, CatalogueItem item) {
        return stored.title().equals(item.title()) && stored.url().equals(item.url())
                && stored.description().equals(item.description()) && stored.type().equals(item.type())
                && stored.levelMin() == item.levelMin() && stored.levelMax() == item.levelMax()
                && Objects.equals(stored.durationMinutes(), item.durationMinutes())
                && stored.language().equals(item.language())
                && new HashSet<>(stored.skills()).equals(new HashSet<>(item.skills()));
    }

    private static Map<String, Integer> ignoredSkills(List<ItemParser.Parsed> parsed) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        ItemParser.countIgnored(parsed).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_IGNORED_SKILLS_LISTED)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private void tell(UUID organisationId, Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        try {
            updates.changed(organisationId, List.copyOf(itemIds));
        } catch (RuntimeException failure) {
            log.error("The catalogue of organisation {} changed ({} items) and is stored, but search could not be told; "
                    + "it may show the old items until they change again", organisationId, itemIds.size(), failure);
        }
    }

    private static void requireNoTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A catalogue import runs in its own transaction and tells CatalogueUpdates "
                    + "after it commits; call it outside any transaction");
        }
    }
}
