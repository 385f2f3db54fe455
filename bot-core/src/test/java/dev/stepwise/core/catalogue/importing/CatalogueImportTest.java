package dev.stepwise.core.catalogue.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.core.catalogue.Catalogue;
import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueStore;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.plan.PlanItem;
import dev.stepwise.core.plan.Plans;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.RecordingCatalogueUpdates;
import dev.stepwise.core.testing.TestOrganisation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Catalogue imports against the real database, with a recording stand-in for the search index's notices. */
class CatalogueImportTest {

    private static final String MAPPING = """
            {"columns": {"key": "ID", "title": "Name", "url": "Link", "description": "Summary", "type": "Kind",
                         "skills": "Tags", "level": "Stage", "duration": "Length", "language": "Lang"},
             "listSeparator": ";"}""";

    private static final String EXPORT = """
            ID,Name,Link,Summary,Kind,Tags,Stage,Length,Lang\r
            c-101,Hard conversations,https://lms.example/c/101,"Plan it, hold it, follow up.\r
            Second line with ""quotes"".",Full Course,Communication;COACHING,Competent - Proficient,1h 30m,English\r
            c-102,Test pyramids,https://lms.example/c/102,,e-learning,testing,2-4,45 min,en\r
            c-103,Lead a retro,https://lms.example/c/103,Run the next team retro.,Workplace activity,Delegation;,3,2 hours,\r
            """;

    private final TestOrganisation org = TestOrganisation.create();
    private final RecordingCatalogueUpdates updates = new RecordingCatalogueUpdates(RealServers.get().dataSource());
    private final CatalogueStore store = CoreTestContext.bean(CatalogueStore.class);
    private final CatalogueImport importer = new CatalogueImport(store, CoreTestContext.bean(Skills.class),
            CoreTestContext.bean(TransactionTemplate.class), updates);

    @Test
    void aCsvExportIsImportedThroughItsColumnMapping() {
        ImportReport report = csv(EXPORT, MAPPING, ImportMode.UPSERT, false);

        assertThat(report).extracting(ImportReport::rows, ImportReport::added, ImportReport::updated, ImportReport::unchanged,
                ImportReport::deleted, ImportReport::rejected).containsExactly(3, 3, 0, 0, 0, 0);
        assertThat(report.problems()).isEmpty();
        assertThat(report.notes()).containsExactly("Columns read: key \u2190 ID, title \u2190 Name, url \u2190 Link, "
                + "description \u2190 Summary, type \u2190 Kind, skills \u2190 Tags, level \u2190 Stage, duration \u2190 Length, "
                + "language \u2190 Lang.");

        CatalogueItem talk = item("c-101");
        assertThat(talk.title()).isEqualTo("Hard conversations");
        assertThat(talk.description()).isEqualTo("Plan it, hold it, follow up.\nSecond line with \"quotes\".");
        assertThat(talk.type()).isEqualTo("course");
        assertThat(talk.skills()).containsExactly("coaching", "communication");
        assertThat(List.of(talk.levelMin(), talk.levelMax(), talk.durationMinutes())).containsExactly(3, 4, 90);
        assertThat(talk.language()).isEqualTo("en");
        assertThat(item("c-102")).extracting(CatalogueItem::type, CatalogueItem::levelMin, CatalogueItem::levelMax,
                CatalogueItem::durationMinutes, CatalogueItem::description).containsExactly("course", 2, 4, 45, "");
        assertThat(item("c-103")).extracting(CatalogueItem::type, CatalogueItem::levelMin, CatalogueItem::levelMax,
                CatalogueItem::durationMinutes, CatalogueItem::language, CatalogueItem::skills)
                .containsExactly("stretch-assignment", 3, 3, 120, "en", List.of("delegation"));
        assertThat(CoreTestContext.bean(Catalogue.class).count(org.id())).isEqualTo(4);
    }

    @Test
    void theSearchIndexIsToldAfterTheCommitWithTheIdsOfEveryChangedItem() {
        csv(EXPORT, MAPPING, ImportMode.UPSERT, false);

        assertThat(updates.notices()).hasSize(1);
        var notice = updates.notices().getFirst();
        Set<UUID> ids = Set.of(item("c-101").id(), item("c-102").id(), item("c-103").id());
        assertThat(notice.organisationId()).isEqualTo(org.id());
        assertThat(notice.itemIds()).isEqualTo(ids);
        assertThat(notice.insideTransaction()).isFalse();
        assertThat(notice.visibleIds()).as("committed before the notice").isEqualTo(ids);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndTellsNobody() {
        csv(EXPORT, MAPPING, ImportMode.UPSERT, false);
        updates.clear();

        ImportReport again = csv(EXPORT, MAPPING, ImportMode.UPSERT, false);

        assertThat(again).extracting(ImportReport::added, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0, 0, 3);
        assertThat(updates.notices()).isEmpty();
    }

    @Test
    void aChangedRowUpdatesTheItemAndItsSkillsAndOnlyThatOneIsTold() {
        csv(EXPORT, MAPPING, ImportMode.UPSERT, false);
        UUID id = item("c-102").id();
        updates.clear();

        ImportReport report = csv(EXPORT.replace("Test pyramids,https://lms.example/c/102,,e-learning,testing,2-4",
                "Test pyramids in practice,https://lms.example/c/102,,e-learning,testing;communication,2-5"),
                MAPPING, ImportMode.UPSERT, false);

        assertThat(report).extracting(ImportReport::added, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0, 1, 2);
        CatalogueItem updated = item("c-102");
        assertThat(updated.id()).isEqualTo(id);
        assertThat(updated.title()).isEqualTo("Test pyramids in practice");
        assertThat(updated.skills()).containsExactly("communication", "testing");
        assertThat(updated.levelMax()).isEqualTo(5);
        assertThat(updates.notices()).singleElement().satisfies(n -> assertThat(n.itemIds()).containsExactly(id));
    }

    @Test
    void rowsThatBreakARuleAreRejectedWithTheirRowAndReasonsAndTheGoodRowsAreImported() {
        String export = """
                ID,Name,Link,Summary,Kind,Tags,Stage,Length,Lang
                ok-1,Good one,https://lms.example/ok-1,,course,,1,,en
                bad-url,Bad url,ftp://lms.example/file,,course,,1,,en
                bad-level,Bad level,https://lms.example/bad-level,,course,,Intermediate,,en
                bad-type,Bad type,https://lms.example/bad-type,,Podcast,,1,,en
                bad-skill,Bad skill,https://lms.example/bad-skill,,course,Juggling;testing,1,,en
                ,,https://lms.example/no-title,,course,,1,,en
                bad-duration,Bad duration,https://lms.example/bad-duration,,course,,1,three weeks,en
                short,Too few values,https://lms.example/short
                ok-1,Same key again,https://lms.example/ok-1-again,,course,,1,,en
                bad-language,Bad language,https://lms.example/bad-language,,course,,1,,Klingonese
                two-things,,notaurl,,course,,6,,en
                ok-2,Good two,https://lms.example/ok-2,,video,testing,1-2,10,en
                """;

        ImportReport report = csv(export, MAPPING, ImportMode.UPSERT, false);

        assertThat(report).extracting(ImportReport::rows, ImportReport::added, ImportReport::rejected).containsExactly(12, 2, 10);
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::key).containsExactly(
                tuple(3, "bad-url"), tuple(4, "bad-level"), tuple(5, "bad-type"), tuple(6, "bad-skill"),
                tuple(7, ItemKeys.fromUrl("https://lms.example/no-title")),
                tuple(8, "bad-duration"), tuple(9, null), tuple(10, "ok-1"), tuple(11, "bad-language"), tuple(12, "two-things"));
        Map<Integer, String> messages = report.problems().stream().collect(Collectors.toMap(RowProblem::row, RowProblem::message));
        assertThat(messages.get(3)).isEqualTo("The url 'ftp://lms.example/file' isn't a web address; it must start with http:// or https://.");
        assertThat(messages.get(4)).startsWith("The level 'Intermediate' isn't a stage.").contains("\"levels\"");
        assertThat(messages.get(5)).startsWith("The type 'Podcast' isn't one we know.")
                .contains("course, article, video, practice, stretch-assignment, coaching, mentor");
        assertThat(messages.get(6)).startsWith("It names a skill this organisation doesn't have: 'Juggling'.")
                .contains("\"unknownSkills\": \"ignore\"");
        assertThat(messages.get(7)).isEqualTo("The title is empty.");
        assertThat(messages.get(8)).startsWith("The duration 'three weeks' isn't one we can read.");
        assertThat(messages.get(9)).isEqualTo("It has 3 values but the header has 9 columns; a delimiter or a quote may be out of place.");
        assertThat(messages.get(10)).isEqualTo("It has the same key as row 2, so only that row was imported.");
        assertThat(messages.get(11)).startsWith("The language 'Klingonese' isn't a language code");
        assertThat(messages.get(12)).contains("The title is empty.", "The url 'notaurl' isn't a web address", "The level '6' isn't a stage.");
        assertThat(store.byKey(org.id()).keySet()).containsExactlyInAnyOrder("feedback-basics", "ok-1", "ok-2");
    }

    @Test
    void levelColumnsMayBeTwoAndMayUseStageNames() {
        String mapping = "{\"columns\": {\"levelMin\": \"From\", \"levelMax\": \"To\"}, \"defaults\": {\"type\": \"article\"}}";
        ImportReport report = csv("""
                title,url,From,To
                Both,https://x.example/1,Novice,Competent
                Only from,https://x.example/2,4,
                Only to,https://x.example/3,,2
                Backwards,https://x.example/4,4,2
                """, mapping, ImportMode.UPSERT, false);

        assertThat(report.added()).isEqualTo(3);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.message()).isEqualTo("The level range 4-2 goes backwards: the lowest stage comes first.");
        });
        assertThat(store.byKey(org.id()).values()).filteredOn(i -> !i.key().equals("feedback-basics"))
                .extracting(CatalogueItem::title, CatalogueItem::levelMin, CatalogueItem::levelMax, CatalogueItem::type)
                .containsExactlyInAnyOrder(tuple("Both", 1, 3, "article"), tuple("Only from", 4, 5, "article"),
                        tuple("Only to", 1, 2, "article"));
    }

    @Test
    void unknownSkillsCanBeIgnoredAndAreCountedInTheReport() {
        String mapping = MAPPING.replace("\"listSeparator\": \";\"", "\"listSeparator\": \";\", \"unknownSkills\": \"ignore\"");
        ImportReport report = csv("""
                ID,Name,Link,Summary,Kind,Tags,Stage,Length,Lang
                a,A,https://lms.example/a,,course,Juggling;testing,1,,en
                b,B,https://lms.example/b,,course,juggling;Knitting,1,,en
                c,C,https://lms.example/c,,course,Juggling,1,,en
                """, mapping, ImportMode.UPSERT, false);

        assertThat(report.added()).isEqualTo(3);
        assertThat(report.rejected()).isZero();
        assertThat(report.ignoredSkills()).containsExactly(Map.entry("Juggling", 3), Map.entry("Knitting", 1));
        assertThat(item("a").skills()).containsExactly("testing");
        assertThat(item("b").skills()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsRefusedAndChangesNothing() {
        csv(EXPORT, MAPPING, ImportMode.UPSERT, false);
        Map<String, CatalogueItem> before = store.byKey(org.id());
        updates.clear();

        assertRefused(csvRequest("ID,Name,Link\nx,\"never closed,https://lms.example/x\n", MAPPING),
                "The file isn't valid CSV, so nothing was imported. The quoted value that starts on line 2 never ends");
        assertRefused(csvRequest("ID,Name,Link\nx,\"a\"b,https://lms.example/x\n", MAPPING),
                "The file isn't valid CSV, so nothing was imported. Line 2 has text right after a closing quote");
        assertRefused(csvRequest("Name,Address,Kind\nx,https://lms.example/x,course\n",
                        "{\"columns\": {\"title\": \"Name\", \"url\": \"Link\", \"skills\": [\"Tags\", \"Topics\"]}}"),
                "The mapping names 'Link' (for url), 'Tags' (for skills), 'Topics' (for skills), but the file has no such "
                        + "columns. The file's columns are: Name, Address, Kind.");
        assertRefused(csvRequest("Name,Address\nx,https://lms.example/x\n", "{\"columns\": {\"title\": \"Name\"}}"),
                "The file has no column for the url. Name its column in the mapping, e.g. {\"columns\": {\"url\": \"Your column\"}}. "
                        + "The file's columns are: Name, Address.");
        assertRefused(csvRequest("", MAPPING), "The file is empty");
        assertRefused(csvRequest("\n\n", MAPPING), "The file is empty");
        assertRefused(csvRequest("ID,Name,Link,Summary,Kind,Tags,Stage,Length,Lang\n\n", MAPPING), "The file has no items");
        assertRefused(csvRequest("title,title\nx,y\n", null), "The file has two columns called 'title'");
        assertRefused(csvRequest("Title,TITLE,url\nx,y,z\n", null), "The file has two columns called 'title' (in different case)");
        assertRefused(new ImportRequest(CatalogueFormat.CSV, new byte[] {'t', 'i', 't', 'l', 'e', '\n', (byte) 0xE9, '\n'},
                null, ImportMode.UPSERT, false), "The file isn't UTF-8 text.");
        assertRefused(json("[{\"title\": \"x\""), "The file isn't valid JSON at line 1");
        assertRefused(json("{\"title\": \"x\"}"), "The file must be a JSON array of items");
        assertRefused(json("[]"), "The file has no items");

        assertThat(store.byKey(org.id())).isEqualTo(before);
        assertThat(updates.notices()).isEmpty();
    }

    @Test
    void replaceDeletesTheItemsTheFileDoesNotHave() {
        csv(EXPORT, MAPPING, ImportMode.UPSERT, false);
        UUID basics = store.find(org.id(), "feedback-basics").orElseThrow().id();
        UUID retro = item("c-103").id();
        updates.clear();

        ImportReport report = csv(EXPORT.lines().filter(l -> !l.startsWith("c-103")).collect(Collectors.joining("\n")),
                MAPPING, ImportMode.REPLACE, false);

        assertThat(report).extracting(ImportReport::mode, ImportReport::unchanged, ImportReport::deleted)
                .containsExactly(ImportMode.REPLACE, 2, 2);
        assertThat(report.deletedKeys()).containsExactlyInAnyOrder("feedback-basics", "c-103");
        assertThat(store.byKey(org.id()).keySet()).containsExactlyInAnyOrder("c-101", "c-102");
        var notice = updates.notices().getFirst();
        assertThat(notice.itemIds()).containsExactlyInAnyOrder(basics, retro);
        assertThat(notice.visibleIds()).as("already deleted when told").isEmpty();
    }

    @Test
    void replaceDeletesNothingWhenARowIsRejected() {
        ImportReport report = csv(EXPORT.replace("https://lms.example/c/103", "lms.example/c/103"), MAPPING, ImportMode.REPLACE, false);

        assertThat(report).extracting(ImportReport::added, ImportReport::rejected, ImportReport::deleted).containsExactly(2, 1, 0);
        assertThat(report.notes()).contains("Nothing was deleted: replace deletes the items a file doesn't have only when "
                + "every row is imported, and 1 row was rejected. Fix it and import the file again.");
        assertThat(store.find(org.id(), "feedback-basics")).isPresent();
    }

    @Test
    void aDryRunReportsWhatWouldHappenChangesNothingAndTellsNobody() {
        Map<String, CatalogueItem> before = store.byKey(org.id());

        ImportReport report = csv(EXPORT, MAPPING, ImportMode.REPLACE, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report).extracting(ImportReport::added, ImportReport::deleted).containsExactly(3, 1);
        assertThat(store.byKey(org.id())).isEqualTo(before);
        assertThat(updates.notices()).isEmpty();
    }

    @Test
    void importingIntoOneOrganisationNeverTouchesAnother() {
        TestOrganisation other = TestOrganisation.create();
        CatalogueImport otherImporter = new CatalogueImport(store, CoreTestContext.bean(Skills.class),
                CoreTestContext.bean(TransactionTemplate.class), updates);
        otherImporter.importFile(other.id(), csvRequest(EXPORT, MAPPING));
        Map<String, CatalogueItem> othersBefore = store.byKey(other.id());
        updates.clear();

        csv(EXPORT.replace("Hard conversations", "Hard talks"), MAPPING, ImportMode.REPLACE, false);
        importer.delete(org.id(), List.of("c-102"));

        assertThat(store.byKey(other.id())).isEqualTo(othersBefore);
        assertThat(store.byKey(org.id()).keySet()).containsExactlyInAnyOrder("c-101", "c-103");
        assertThat(item("c-101").title()).isEqualTo("Hard talks");
        assertThat(updates.notices()).allSatisfy(n -> assertThat(n.organisationId()).isEqualTo(org.id()));
        Set<UUID> othersIds = othersBefore.values().stream().map(CatalogueItem::id).collect(Collectors.toSet());
        assertThat(updates.notices()).allSatisfy(n -> assertThat(n.itemIds()).doesNotContainAnyElementsOf(othersIds));
    }

    @Test
    void itemsAreDeletedByKeyAndOnlyThoseThatWereThereAreTold() {
        csv(EXPORT, MAPPING, ImportMode.UPSERT, false);
        UUID id = item("c-101").id();
        updates.clear();

        Map<String, UUID> deleted = importer.delete(org.id(), List.of("c-101", "no-such-item"));

        assertThat(deleted).containsExactly(Map.entry("c-101", id));
        assertThat(store.find(org.id(), "c-101")).isEmpty();
        assertThat(updates.notices()).singleElement().satisfies(n -> assertThat(n.itemIds()).containsExactly(id));
        updates.clear();
        assertThat(importer.delete(org.id(), List.of("no-such-item"))).isEmpty();
        assertThat(updates.notices()).isEmpty();
    }

    @Test
    void deletingAnItemKeepsThePlanItemsThatPointedAtIt() {
        csv(EXPORT, MAPPING, ImportMode.UPSERT, false);
        Plans plans = CoreTestContext.bean(Plans.class);
        plans.add(org.id(), org.personId("ben"), item("c-101").id(), null, "Course: Hard conversations", null);

        importer.delete(org.id(), List.of("c-101"));

        assertThat(plans.forPerson(org.id(), org.personId("ben"))).extracting(PlanItem::title, PlanItem::catalogueItemId)
                .containsExactly(tuple("Course: Hard conversations", null));
    }

    @Test
    void aFailureMidImportRollsEverythingBackAndTellsNobody() {
        JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);
        String trigger = "explode_" + org.id().toString().replace("-", "");
        jdbc.sql("""
                create function %s() returns trigger language plpgsql as $$
                begin raise exception 'the database failed'; end $$""".formatted(trigger)).update();
        jdbc.sql("""
                create trigger %s before insert on catalogue_items for each row
                when (new.organisation_id = '%s' and new.title = 'Lead a retro') execute function %s()"""
                .formatted(trigger, org.id(), trigger)).update();
        try {
            Map<String, CatalogueItem> before = store.byKey(org.id());

            assertThatThrownBy(() -> csv(EXPORT, MAPPING, ImportMode.UPSERT, false)).hasMessageContaining("the database failed");

            assertThat(store.byKey(org.id())).isEqualTo(before);
            assertThat(updates.notices()).isEmpty();
        } finally {
            jdbc.sql("drop trigger %s on catalogue_items".formatted(trigger)).update();
            jdbc.sql("drop function %s()".formatted(trigger)).update();
        }
    }

    @Test
    void keysDerivedFromUrlsKeepAnItemTheSameAcrossImports() {
        String mapping = "{\"defaults\": {\"type\": \"video\"}}";
        csv("title,url\nIntro,https://videos.example/intro\nDeep dive,https://videos.example/deep\n", mapping, ImportMode.UPSERT, false);
        String key = ItemKeys.fromUrl("https://videos.example/intro");
        UUID id = item(key).id();

        ImportReport again = csv("title,url\nIntro (new cut),https://videos.example/intro/\nDeep dive,https://videos.example/deep\n"
                + "Same url,HTTPS://videos.example/deep\n", mapping, ImportMode.UPSERT, false);

        assertThat(again).extracting(ImportReport::added, ImportReport::updated, ImportReport::unchanged, ImportReport::rejected)
                .containsExactly(0, 1, 1, 1);
        assertThat(again.problems().getFirst().message()).isEqualTo("It has the same url as row 3, so only that row was imported.");
        assertThat(item(key).id()).isEqualTo(id);
        assertThat(item(key).title()).isEqualTo("Intro (new cut)");
        assertThat(item(key).url()).isEqualTo("https://videos.example/intro/");
    }

    @Test
    void columnsNamedLikeOurFieldsNeedNoMappingAndSemicolonsBomAndCrlfAreFine() {
        ImportReport report = csv("\uFEFFTitle;URL;Type;Skills;Level;DurationMinutes\r\n"
                + "\"Coaching; the basics\";https://coach.example/1;Coaching;coaching|communication;1-2;30\r\n", null,
                ImportMode.UPSERT, false);

        assertThat(report.added()).isEqualTo(1);
        CatalogueItem item = item(ItemKeys.fromUrl("https://coach.example/1"));
        assertThat(item).extracting(CatalogueItem::title, CatalogueItem::type, CatalogueItem::levelMin, CatalogueItem::levelMax,
                CatalogueItem::durationMinutes, CatalogueItem::skills)
                .containsExactly("Coaching; the basics", "coaching", 1, 2, 30, List.of("coaching", "communication"));
    }

    @Test
    void anExportInAnotherEncodingIsReadWhenTheMappingSaysSo() {
        byte[] latin = "title,url,type\nCaf\u00e9 conversations,https://x.example/cafe,article\n".getBytes(Charset.forName("windows-1252"));
        assertRefused(new ImportRequest(CatalogueFormat.CSV, latin, null, ImportMode.UPSERT, false), "isn't UTF-8 text");

        importer.importFile(org.id(), new ImportRequest(CatalogueFormat.CSV, latin,
                ColumnMapping.fromJson("{\"encoding\": \"windows-1252\"}"), ImportMode.UPSERT, false));

        assertThat(item(ItemKeys.fromUrl("https://x.example/cafe")).title()).isEqualTo("Caf\u00e9 conversations");
    }

    @Test
    void jsonItemsUseOurFieldNames() {
        ImportReport report = importer.importFile(org.id(), json("""
                [{"key": "j-1", "title": "Mentoring circle", "url": "https://lms.example/j1", "type": "mentoring",
                  "skills": ["Coaching", "delegation"], "levelMin": 3, "levelMax": "Expert", "durationMinutes": 60,
                  "language": "en-gb", "owner": "L&D"},
                 {"key": "j-2", "title": "Stretch: run the release", "url": "https://lms.example/j2",
                  "type": "stretch assignment", "skills": "testing|communication", "level": "2-4", "duration": "2 hours",
                  "description": null, "owner": "L&D"},
                 "not an item",
                 {"key": "j-4", "title": "Both durations", "url": "https://lms.example/j4", "type": "video",
                  "duration": "1h", "durationMinutes": 60},
                 {"key": "j-5", "title": {"en": "Nested"}, "url": "https://lms.example/j5", "type": "video"}]
                """));

        assertThat(report).extracting(ImportReport::format, ImportReport::rows, ImportReport::added, ImportReport::rejected)
                .containsExactly(CatalogueFormat.JSON, 5, 2, 3);
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::message).containsExactly(
                tuple(3, "It isn't an object with fields such as title and url."),
                tuple(4, "It has both duration and durationMinutes; give one."),
                tuple(5, "Its title must be text or a number, not {\"en\":\"Nested\"}."));
        assertThat(report.notes()).containsExactly("Fields we don't import were ignored: 'owner' (2 items).");
        assertThat(item("j-1")).extracting(CatalogueItem::type, CatalogueItem::skills, CatalogueItem::levelMin,
                CatalogueItem::levelMax, CatalogueItem::durationMinutes, CatalogueItem::language)
                .containsExactly("mentor", List.of("coaching", "delegation"), 3, 5, 60, "en-GB");
        assertThat(item("j-2")).extracting(CatalogueItem::type, CatalogueItem::skills, CatalogueItem::levelMin,
                CatalogueItem::levelMax, CatalogueItem::durationMinutes)
                .containsExactly("stretch-assignment", List.of("communication", "testing"), 2, 4, 120);
    }

    @Test
    void aJsonImportUsesTheMappingsDefaultsAndSeparatorButNotItsColumns() {
        ColumnMapping mapping = ColumnMapping.fromJson(
                "{\"columns\": {\"title\": \"Name\"}, \"listSeparator\": \";\", \"defaults\": {\"type\": \"practice\"}}");
        ImportReport report = importer.importFile(org.id(), new ImportRequest(CatalogueFormat.JSON,
                "[{\"key\": \"pair\", \"title\": \"Pair on a bug\", \"url\": \"https://lms.example/pair\", \"skills\": \"testing;coaching\"}]"
                        .getBytes(StandardCharsets.UTF_8), mapping, ImportMode.UPSERT, false));

        assertThat(report.notes()).containsExactly("The mapping's columns apply to CSV files only; JSON items use our field names.");
        assertThat(item("pair")).extracting(CatalogueItem::type, CatalogueItem::skills).containsExactly("practice", List.of("coaching", "testing"));
    }

    @Test
    void valuesLongerThanTheLimitsAreRejected() {
        String longTitle = "T".repeat(301);
        ImportReport report = csv("title,url,type,description\n" + longTitle + ",https://x.example/long,course,\n"
                + "Fine,https://x.example/fine,course," + "d".repeat(20_001) + "\n", null, ImportMode.UPSERT, false);

        assertThat(report.problems()).extracting(RowProblem::message).containsExactly(
                "The title is 301 characters long; at most 300 fit.",
                "The description is 20,001 characters long; at most 20,000 fit.");
    }

    @Test
    void anImportRefusesToRunInsideSomeoneElsesTransaction() {
        assertThatThrownBy(() -> CoreTestContext.bean(TransactionTemplate.class).executeWithoutResult(
                status -> csv(EXPORT, MAPPING, ImportMode.UPSERT, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside any transaction");
    }

    private ImportReport csv(String text, String mapping, ImportMode mode, boolean dryRun) {
        return importer.importFile(org.id(), new ImportRequest(CatalogueFormat.CSV, text.getBytes(StandardCharsets.UTF_8),
                ColumnMapping.fromJson(mapping), mode, dryRun));
    }

    private static ImportRequest csvRequest(String text, String mapping) {
        return new ImportRequest(CatalogueFormat.CSV, text.getBytes(StandardCharsets.UTF_8), ColumnMapping.fromJson(mapping),
                ImportMode.UPSERT, false);
    }

    private static ImportRequest json(String text) {
        return new ImportRequest(CatalogueFormat.JSON, text.getBytes(StandardCharsets.UTF_8), null, ImportMode.UPSERT, false);
    }

    private void assertRefused(ImportRequest request, String message) {
        assertThatThrownBy(() -> importer.importFile(org.id(), request)).isInstanceOf(ImportRefused.class)
                .hasMessageContaining(message);
    }

    private CatalogueItem item(String key) {
        return store.find(org.id(), key).orElseThrow(() -> new AssertionError("No item " + key));
    }
}
