package dev.stepwise.app.admin;

import dev.stepwise.core.catalogue.CatalogueStore;
import dev.stepwise.core.importing.OrganisationImport;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.RecordingCatalogueUpdates;
import dev.stepwise.core.testing.TestOrganisation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as production runs it (the {@code production} profile, configured PostgreSQL and Redis) with an
 * admin token for every organisation and one for the organisations {@code acme} and {@code globex} each, and the
 * retrieval side stood in for by {@link TestCatalogueBeans}. Subclasses share one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.profiles.active=production",
        "stepwise.admin.token=" + AdminApiTestSupport.ADMIN_TOKEN,
        "stepwise.admin.organisation-tokens.acme=" + AdminApiTestSupport.ACME_TOKEN,
        "stepwise.admin.organisation-tokens.globex=" + AdminApiTestSupport.GLOBEX_TOKEN,
        "stepwise.admin.max-upload-size=" + AdminApiTestSupport.MAX_UPLOAD})
@Import(TestCatalogueBeans.class)
abstract class AdminApiTestSupport {

    static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
    static final String ACME_TOKEN = "test-acme-token-0123456789abcdef";
    static final String GLOBEX_TOKEN = "test-globex-token-0123456789abcdef";
    static final String MAX_UPLOAD = "4MB";

    record Response(int status, String body, String contentType, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> RealServers.get().jdbcUrl());
        registry.add("stepwise.redis.url", () -> RealServers.get().redisUri());
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationImport organisationImport;

    @Autowired
    RecordingCatalogueUpdates updates;

    @Autowired
    CatalogueStore store;

    final HttpClient http = HttpClient.newHttpClient();

    /** A fresh organisation (the test organisation's skills: communication, testing, coaching, delegation). */
    Organisation newOrganisation() {
        return organisationImport.load(TestOrganisation.data("admin-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** The organisation with this key, loaded once for all tests. */
    Organisation organisation(String key) {
        return organisationImport.loadIfAbsent(TestOrganisation.data(key));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static String catalogue(Organisation org) {
        return "/admin/api/organisations/" + org.key() + "/catalogue";
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** A multipart form with the file (and the mapping, if any) as file parts, like curl -F name=@file. */
    Response importForm(String path, String token, String fileName, byte[] file, String mapping) {
        Multipart form = new Multipart().file("file", fileName, "application/octet-stream", file);
        if (mapping != null) {
            form.file("mapping", "mapping.json", "application/json", mapping.getBytes(StandardCharsets.UTF_8));
        }
        return send(request(path, token).header("Content-Type", form.contentType()).POST(form.publisher()).build());
    }

    Response importBody(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    /** A multipart/form-data body built by hand, so the test controls every byte. */
    static final class Multipart {
        private final String boundary = "----stepwise" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart file(String name, String fileName, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        HttpRequest.BodyPublisher publisher() {
            write("--" + boundary + "--\r\n");
            return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
