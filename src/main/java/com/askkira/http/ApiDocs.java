package com.askkira.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The API described: {@code GET /openapi.json}, the OpenAPI 3.1 document written by hand in {@code
 * openapi/openapi.yaml} and served as JSON, and {@code GET /docs}, Swagger UI showing it. Swagger
 * UI comes from its webjar inside our jar (no CDN), and the page has the widget's
 * Content-Security-Policy: its one script of our own is a file, {@code openapi/assets/docs.js}.
 */
final class ApiDocs {
    static final String DOCUMENT = "/openapi.json";
    static final String PAGE = "/docs";

    /** The two files of the webjar the page loads; nothing else of it is served. */
    private static final Set<String> SWAGGER_FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js");

    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", WebAssets.CONTENT_SECURITY_POLICY,
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Cache-Control", "no-cache");

    private final byte[] document;
    private final byte[] page;

    ApiDocs(ObjectMapper json) {
        this.document = documentAsJson(json);
        this.page = resource("/openapi/docs.html");
    }

    void register(JavalinConfig config) {
        config.routes.get(DOCUMENT, ctx -> ctx.contentType("application/json").result(document));
        config.routes.get(PAGE, ctx -> {
            PAGE_HEADERS.forEach(ctx::header);
            ctx.contentType("text/html; charset=utf-8").result(page);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = PAGE + "/swagger-ui";
            files.directory = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion();
            files.location = Location.CLASSPATH;
            files.headers = PAGE_HEADERS;
            files.skipFileFunction = request -> {
                String uri = request.getRequestURI();
                return !SWAGGER_FILES.contains(uri.substring(uri.lastIndexOf('/') + 1));
            };
        });
        config.staticFiles.add(files -> {
            files.hostedPath = PAGE + "/assets";
            files.directory = "/openapi/assets";
            files.location = Location.CLASSPATH;
            files.headers = PAGE_HEADERS;
        });
    }

    /** The YAML read once at start: a document that does not parse stops the server, not the first reader. */
    private static byte[] documentAsJson(ObjectMapper json) {
        try (InputStream in = ApiDocs.class.getResourceAsStream("/openapi/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/openapi.yaml is missing from the jar");
            }
            JsonNode tree = new YAMLMapper().readTree(in);
            return json.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, from its own Maven metadata, so the pom alone says which Swagger UI ships. */
    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in =
                ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
