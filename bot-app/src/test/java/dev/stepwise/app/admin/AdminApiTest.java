package dev.stepwise.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.organisation.Organisation;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin API over real HTTP: signed-in and bad requests alike. */
class AdminApiTest extends AdminApiTestSupport {

    static final String MAPPING = """
            {"columns": {"key": "Course ID", "title": "Course title", "url": "Link", "description": "About",
                         "type": "Format", "skills": "Topics", "level": "Level", "duration": "Length"},
             "listSeparator": ";", "defaults": {"language": "en"}}""";

    static final String EXPORT = """
            Course ID,Course title,Link,About,Format,Topics,Level,Length
            hc-1,Hard conversations,https://lms.example/hc-1,"Plan it, hold it, follow up.",Full Course,Communication;coaching,Competent - Proficient,1h 30m
            tp-2,Test pyramids,https://lms.example/tp-2,Where each kind of test pays off.,e-learning,testing,2-4,45 min
            rr-3,Run the retro,https://lms.example/rr-3,Run the next team retro.,Workplace activity,Delegation,3,2 hours
            """;

    private Organisation org;

    @BeforeEach
    void setUp() {
        org = newOrganisation();
    }

    @Test
    void aCsvExportAndItsMappingImportAsAMultipartForm() {
        Response response = importForm(catalogue(org) + "/import", ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode report = response.json();
        assertThat(report.get("format").asString()).isEqualTo("csv");
        assertThat(report.get("mode").asString()).isEqualTo("upsert");
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(List.of(report.get("rows").asInt(), report.get("added").asInt(), report.get("updated").asInt(),
                report.get("unchanged").asInt(), report.get("deleted").asInt(), report.get("rejected").asInt()))
                .containsExactly(3, 3, 0, 0, 0, 0);
        assertThat(report.get("problems").isEmpty()).isTrue();
        assertThat(report.get("notes").get(0).asString()).startsWith("Columns read: key \u2190 Course ID");

        JsonNode item = get(catalogue(org) + "/items/hc-1", ADMIN_TOKEN).json();
        assertThat(item.get("title").asString()).isEqualTo("Hard conversations");
        assertThat(item.get("type").asString()).isEqualTo("course");
        assertThat(item.get("skills").toString()).isEqualTo("[\"coaching\",\"communication\"]");
        assertThat(List.of(item.get("levelMin").asInt(), item.get("levelMax").asInt(), item.get("durationMinutes").asInt()))
                .containsExactly(3, 4, 90);

        Set<UUID> ids = store.byKey(org.id()).values().stream().filter(i -> !i.key().equals("feedback-basics"))
                .map(CatalogueItem::id).collect(Collectors.toSet());
        assertThat(updates.notices(org.id())).singleElement().satisfies(notice -> {
            assertThat(notice.itemIds()).isEqualTo(ids);
            assertThat(notice.visibleIds()).isEqualTo(ids);
            assertThat(notice.insideTransaction()).isFalse();
        });
    }

    @Test
    void theFileMayBeTheBodyWithTheMappingAsAParameter() {
        Response csv = importBody(catalogue(org) + "/import?mapping=" + URLEncoder.encode(MAPPING, StandardCharsets.UTF_8),
                ADMIN_TOKEN, "text/csv; charset=utf-8", bytes(EXPORT));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.json().get("added").asInt()).isEqualTo(3);

        Response json = importBody(catalogue(org) + "/import", ADMIN_TOKEN, "application/json", bytes("""
                [{"key": "mentor-1", "title": "Mentoring circle", "url": "https://lms.example/m1", "type": "mentoring",
                  "skills": ["coaching"], "level": "3-5", "durationMinutes": 60}]"""));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("format").asString()).isEqualTo("json");
        assertThat(get(catalogue(org) + "/items/mentor-1", ADMIN_TOKEN).json().get("type").asString()).isEqualTo("mentor");

        Response octets = importBody(catalogue(org) + "/import?format=csv&mapping=" + URLEncoder.encode(MAPPING, StandardCharsets.UTF_8),
                ADMIN_TOKEN, "application/octet-stream", bytes(EXPORT));
        assertThat(octets.status()).isEqualTo(200);
        assertThat(octets.json().get("unchanged").asInt()).isEqualTo(3);
    }

    @Test
    void reimportUpdateDryRunAndReplace() {
        String path = catalogue(org) + "/import";
        importForm(path, ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING);
        updates.clear();

        JsonNode same = importForm(path, ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING).json();
        assertThat(same.get("unchanged").asInt()).isEqualTo(3);
        assertThat(updates.notices(org.id())).isEmpty();

        String changed = EXPORT.replace("tp-2,Test pyramids,", "tp-2,\"Test pyramids, revisited\",");
        JsonNode update = importForm(path, ADMIN_TOKEN, "export.csv", bytes(changed), MAPPING).json();
        assertThat(update.get("updated").asInt()).isEqualTo(1);
        UUID pyramids = store.find(org.id(), "tp-2").orElseThrow().id();
        assertThat(updates.notices(org.id())).singleElement().satisfies(n -> assertThat(n.itemIds()).containsExactly(pyramids));
        updates.clear();

        String withoutRetro = EXPORT.lines().filter(l -> !l.startsWith("rr-3")).collect(Collectors.joining("\n"));
        JsonNode dry = importForm(path + "?mode=replace&dryRun=true", ADMIN_TOKEN, "export.csv", bytes(withoutRetro), MAPPING).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("deleted").asInt()).isEqualTo(2);
        assertThat(store.find(org.id(), "rr-3")).isPresent();
        assertThat(updates.notices(org.id())).isEmpty();

        JsonNode replaced = importForm(path + "?mode=replace", ADMIN_TOKEN, "export.csv", bytes(withoutRetro), MAPPING).json();
        assertThat(replaced.get("mode").asString()).isEqualTo("replace");
        assertThat(replaced.get("deletedKeys").toString()).contains("rr-3", "feedback-basics");
        assertThat(store.byKey(org.id()).keySet()).containsExactlyInAnyOrder("hc-1", "tp-2");
        assertThat(updates.notices(org.id())).singleElement().satisfies(n -> assertThat(n.itemIds()).hasSize(3));
    }

    @Test
    void rowsWithProblemsAreReportedWithTheirRowAndTheRestImported() {
        String export = EXPORT + """
                bad-url,Bad url,www.lms.example/x,,course,,1,
                bad-level,Bad level,https://lms.example/bad-level,,course,,Intermediate,
                bad-type,Bad type,https://lms.example/bad-type,,Podcast,,1,
                bad-skill,Bad skill,https://lms.example/bad-skill,,course,Juggling,1,
                """;

        Response response = importForm(catalogue(org) + "/import", ADMIN_TOKEN, "export.csv", bytes(export), MAPPING);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("added").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isEqualTo(4);
        List<String> problems = new ArrayList<>();
        report.get("problems").forEach(p -> problems.add(p.get("row").asInt() + " " + p.get("key").asString() + ": "
                + p.get("message").asString()));
        assertThat(problems).satisfiesExactly(
                p -> assertThat(p).startsWith("5 bad-url: The url 'www.lms.example/x' isn't a web address"),
                p -> assertThat(p).startsWith("6 bad-level: The level 'Intermediate' isn't a stage."),
                p -> assertThat(p).startsWith("7 bad-type: The type 'Podcast' isn't one we know."),
                p -> assertThat(p).startsWith("8 bad-skill: It names a skill this organisation doesn't have: 'Juggling'."));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWith400AndNothingRecordedIsLost() {
        importForm(catalogue(org) + "/import", ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING);
        Map<String, CatalogueItem> before = store.byKey(org.id());
        updates.clear();
        String path = catalogue(org) + "/import";

        assertProblem(importForm(path, ADMIN_TOKEN, "export.csv", bytes("Course ID,Course title,Link\nx,\"open,https://x\n"), MAPPING),
                400, "The file isn't valid CSV, so nothing was imported. The quoted value that starts on line 2 never ends");
        assertProblem(importForm(path, ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING.replace("\"Link\"", "\"URL\"")),
                400, "The mapping names 'URL' (for url), but the file has no such column. The file's columns are: Course ID, "
                        + "Course title, Link, About, Format, Topics, Level, Length.");
        assertProblem(importForm(path, ADMIN_TOKEN, "export.csv", bytes(EXPORT), "{\"columns\": "), 400,
                "The column mapping isn't valid JSON");
        assertProblem(importForm(path, ADMIN_TOKEN, "export.csv", bytes(EXPORT), "{\"column\": {}}"), 400,
                "The column mapping has a setting 'column' we don't know");
        assertProblem(importBody(path, ADMIN_TOKEN, "application/json", bytes("[{\"title\": ")), 400, "The file isn't valid JSON at line 1");
        assertProblem(importBody(path, ADMIN_TOKEN, "text/csv", bytes("")), 400, "The file is empty");

        assertThat(store.byKey(org.id())).isEqualTo(before);
        assertThat(updates.notices(org.id())).isEmpty();
    }

    @Test
    void badParametersAndFormsAre400WithWhatToSend() {
        String path = catalogue(org) + "/import";
        assertProblem(importForm(path + "?mode=merge", ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING), 400,
                "mode must be upsert or replace, not 'merge'.");
        assertProblem(importForm(path + "?dryRun=maybe", ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING), 400,
                "dryRun must be true or false, not 'maybe'.");
        assertProblem(importForm(path + "?format=xlsx", ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING), 400,
                "format must be csv or json, not 'xlsx'.");
        assertProblem(importForm(path, ADMIN_TOKEN, "export.xlsx", bytes(EXPORT), MAPPING), 400,
                "Say whether the file is CSV or JSON");
        assertProblem(importBody(path, ADMIN_TOKEN, "application/octet-stream", bytes(EXPORT)), 400,
                "Say whether the file is CSV or JSON: add format=csv or format=json.");
        Multipart noFile = new Multipart().field("mapping", MAPPING);
        assertProblem(send(request(path, ADMIN_TOKEN).header("Content-Type", noFile.contentType()).POST(noFile.publisher()).build()),
                400, "The form has no 'file' part");
        assertProblem(importBody(path, ADMIN_TOKEN, "multipart/form-data; boundary=nothing-follows", bytes("garbage")), 400,
                "The form has no 'file' part");
        assertProblem(importBody(path, ADMIN_TOKEN, "multipart/form-data", bytes("garbage")), 400,
                "The upload isn't a multipart form we can read");
    }

    @Test
    void aWrongContentTypeIs415() {
        String path = catalogue(org) + "/import";
        assertProblem(importBody(path, ADMIN_TOKEN, "application/xml", bytes("<items/>")), 415,
                "Send the export as a multipart form (-F file=@export.csv), or as the body with Content-Type text/csv or application/json.");
        assertProblem(importBody(path, ADMIN_TOKEN, null, bytes(EXPORT)), 415, "Send the export as a multipart form");
        assertProblem(importBody(path, ADMIN_TOKEN, "not a type", bytes(EXPORT)), 415, "Send the export as a multipart form");
    }

    @Test
    void uploadsOverTheLimitAre413AndChangeNothing() {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        String path = catalogue(org) + "/import";

        assertProblem(importBody(path, ADMIN_TOKEN, "text/csv", big), 413,
                "The upload is 5.0 MB; the limit is 4.0 MB (stepwise.admin.max-upload-size).");
        assertProblem(importForm(path, ADMIN_TOKEN, "export.csv", big, MAPPING), 413, "the limit is 4.0 MB");
        Response chunked = send(request(path, ADMIN_TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertProblem(chunked, 413, "The upload is larger than the limit of 4.0 MB");
        Multipart form = new Multipart().file("file", "export.csv", "text/csv", big);
        HttpRequest.BodyPublisher whole = form.publisher();
        Response chunkedForm = send(request(path, ADMIN_TOKEN).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.fromPublisher(whole)).build());
        assertProblem(chunkedForm, 413, "The upload is larger than the limit of 4.0 MB");
        assertThat(store.byKey(org.id()).keySet()).containsExactly("feedback-basics");
    }

    @Test
    void itemsAreReadAndDeletedByKey() {
        importForm(catalogue(org) + "/import", ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING);
        UUID id = store.find(org.id(), "tp-2").orElseThrow().id();
        updates.clear();

        Response deleted = send(request(catalogue(org) + "/items/tp-2", ADMIN_TOKEN).DELETE().build());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asString()).isEqualTo("tp-2");
        assertThat(deleted.json().get("id").asString()).isEqualTo(id.toString());
        assertThat(updates.notices(org.id())).singleElement().satisfies(n -> assertThat(n.itemIds()).containsExactly(id));
        assertProblem(send(request(catalogue(org) + "/items/tp-2", ADMIN_TOKEN).DELETE().build()), 404,
                "The catalogue of '" + org.key() + "' has no item 'tp-2'.");
        assertProblem(get(catalogue(org) + "/items/tp-2", ADMIN_TOKEN), 404, "has no item 'tp-2'");
        assertThat(get(catalogue(org) + "/items/hc-1", ADMIN_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void searchReturnsRankedItemsWithIdsTitlesUrlsAndScores() {
        importForm(catalogue(org) + "/import", ADMIN_TOKEN, "export.csv", bytes(EXPORT), MAPPING);

        Response response = get(catalogue(org) + "/search?q=hard+conversations&k=2", ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(200);
        JsonNode hits = response.json();
        assertThat(hits.isArray()).isTrue();
        JsonNode first = hits.get(0);
        assertThat(first.get("key").asString()).isEqualTo("hc-1");
        assertThat(first.get("id").asString()).isEqualTo(store.find(org.id(), "hc-1").orElseThrow().id().toString());
        assertThat(first.get("title").asString()).isEqualTo("Hard conversations");
        assertThat(first.get("url").asString()).isEqualTo("https://lms.example/hc-1");
        assertThat(first.get("score").asDouble()).isGreaterThan(0);
        assertThat(first.get("skills").toString()).isEqualTo("[\"coaching\",\"communication\"]");
        assertThat(first.has("levelMin") && first.has("levelMax") && first.has("durationMinutes") && first.has("type")).isTrue();

        JsonNode filtered = get(catalogue(org) + "/search?q=test&skill=Testing&level=Advanced%20Beginner&type=e-learning"
                + "&maxDuration=1h&mode=bm25", ADMIN_TOKEN).json();
        assertThat(filtered).extracting(h -> h.get("key").asString()).containsExactly("tp-2");
        JsonNode byType = get(catalogue(org) + "/search?type=stretch-assignment&type=course&maxDuration=100", ADMIN_TOKEN).json();
        assertThat(byType).extracting(h -> h.get("key").asString()).containsExactly("hc-1", "tp-2");
    }

    @Test
    void badSearchParametersAre400() {
        String search = catalogue(org) + "/search?q=x&";
        assertProblem(get(search + "k=0", ADMIN_TOKEN), 400, "k must be a whole number from 1 to 100, not '0'.");
        assertProblem(get(search + "k=many", ADMIN_TOKEN), 400, "k must be a whole number from 1 to 100");
        assertProblem(get(search + "level=9", ADMIN_TOKEN), 400, "level must be a stage from 1 to 5");
        assertProblem(get(search + "type=podcast", ADMIN_TOKEN), 400, "type 'podcast' isn't one we know");
        assertProblem(get(search + "skill=juggling", ADMIN_TOKEN), 400, "This organisation has no skill 'juggling'");
        assertProblem(get(search + "maxDuration=soon", ADMIN_TOKEN), 400, "maxDuration must be a duration");
        assertProblem(get(search + "mode=fuzzy", ADMIN_TOKEN), 400, "mode must be bm25, vector or hybrid, not 'fuzzy'.");
        assertProblem(get(catalogue(org) + "/search?q=" + "x".repeat(1001), ADMIN_TOKEN), 400, "at most 1,000 are searched");
    }

    @Test
    void anUnexpectedFailureIs500WithAReferenceAndNoStackTrace() {
        Response response = get(catalogue(org) + "/search?q=boom", ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("detail").asString()).startsWith("Something went wrong on our side and nothing was changed.")
                .containsPattern("reference to whoever runs Stepwise: [0-9A-F]{8}\\.");
        assertThat(response.body()).doesNotContain("on fire", "IllegalStateException");
    }

    @Test
    void withoutAValidTokenTheAnswerIs401AndNothingIsRead() {
        String path = catalogue(org) + "/items/feedback-basics";

        Response none = get(path, null);
        assertProblem(none, 401, "Sign in with an admin token: send the header 'Authorization: Bearer <token>'.");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"stepwise-admin\"");
        assertProblem(send(request(path, null).header("Authorization", "Basic YWRtaW46YWRtaW4=").GET().build()), 401, "Sign in");
        assertProblem(send(request(path, null).header("Authorization", "Bearer ").GET().build()), 401, "Sign in");
        Response wrong = get(path, ADMIN_TOKEN + "x");
        assertProblem(wrong, 401, "That admin token isn't valid.");
        assertThat(wrong.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"stepwise-admin\", error=\"invalid_token\"");
        assertProblem(get(path, AdminTokens.DEMO_TOKEN), 401, "That admin token isn't valid.");
        assertProblem(importForm(catalogue(org) + "/import", null, "export.csv", bytes(EXPORT), MAPPING), 401, "Sign in");
        assertProblem(get("/admin/api/organisations/no-such-org/catalogue/items/x", null), 401, "Sign in");
        assertThat(store.byKey(org.id()).keySet()).containsExactly("feedback-basics");
    }

    @Test
    void anOrganisationsTokenWorksForItOnlyAndAnImportThereNeverTouchesAnother() {
        Organisation acme = organisation("acme");
        Organisation globex = organisation("globex");
        importForm(catalogue(globex) + "/import", GLOBEX_TOKEN, "export.csv", bytes(EXPORT), MAPPING);
        Map<String, CatalogueItem> globexBefore = store.byKey(globex.id());

        Response own = importForm(catalogue(acme) + "/import?mode=replace", ACME_TOKEN, "export.csv",
                bytes(EXPORT.replace("Hard conversations", "Hard talks")), MAPPING);
        assertThat(own.status()).isEqualTo(200);
        assertThat(send(request(catalogue(acme) + "/items/tp-2", ACME_TOKEN).DELETE().build()).status()).isEqualTo(200);

        assertProblem(get(catalogue(globex) + "/items/hc-1", ACME_TOKEN), 403, "This token administers the organisation 'acme' only.");
        assertProblem(importForm(catalogue(globex) + "/import?mode=replace", ACME_TOKEN, "export.csv", bytes("title,url\n"), null),
                403, "administers the organisation 'acme' only");
        assertProblem(send(request(catalogue(globex) + "/items/hc-1", ACME_TOKEN).DELETE().build()), 403, "'acme' only");
        assertProblem(get(catalogue(org) + "/search?q=x", ACME_TOKEN), 403, "'acme' only");
        assertProblem(get("/admin/api/organisations/no-such-org/catalogue/items/x", ACME_TOKEN), 403, "'acme' only");

        for (String path : List.of("/admin/api/organisations/acme/../globex/catalogue/items/hc-1",
                "/admin/api;v=1/organisations/globex/catalogue/items/hc-1",
                "/admin/api/organisations/globex;v=1/catalogue/items/hc-1",
                "/admin/api/organisations/%67lobex/catalogue/items/hc-1",
                "/admin/api//organisations/globex/catalogue/items/hc-1")) {
            Response sneaky = send(request(path, ACME_TOKEN).DELETE().build());
            assertThat(sneaky.status()).as(path + " " + sneaky.body()).isIn(400, 403, 404);
            assertThat(sneaky.body()).as(path).doesNotContain("Hard conversations");
        }
        assertThat(send(request("/admin/api/organisations/%67lobex/catalogue/items/hc-1", ACME_TOKEN).GET().build()).status())
                .isEqualTo(403);

        assertThat(store.byKey(globex.id())).isEqualTo(globexBefore);
        assertThat(get(catalogue(globex) + "/items/hc-1", GLOBEX_TOKEN).json().get("title").asString()).isEqualTo("Hard conversations");
        assertThat(get(catalogue(acme) + "/items/hc-1", ADMIN_TOKEN).json().get("title").asString()).isEqualTo("Hard talks");
        assertThat(get(catalogue(acme) + "/search?q=hard", ACME_TOKEN).json()).allSatisfy(hit ->
                assertThat(store.find(acme.id(), hit.get("key").asString())).isPresent());
    }

    @Test
    void anUnknownOrganisationIs404ForTheAdminOfEveryOrganisation() {
        assertProblem(get("/admin/api/organisations/no-such-org/catalogue/items/x", ADMIN_TOKEN), 404,
                "There's no organisation 'no-such-org'.");
        assertProblem(importForm("/admin/api/organisations/no-such-org/catalogue/import", ADMIN_TOKEN, "export.csv",
                bytes(EXPORT), MAPPING), 404, "There's no organisation 'no-such-org'.");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
    }
}
