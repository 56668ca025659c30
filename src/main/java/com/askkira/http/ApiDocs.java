package com.askkira.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API described: {@code GET /openapi.json}, the OpenAPI 3.1 document written by hand in {@code
 * openapi/openapi.yaml} and served as JSON, and {@code GET /docs}, Swagger UI showing it. Swagger
 * UI comes from its webjar inside our jar (no CDN), and the page has the widget's
 * Content-Security-Policy: its one script of our own is a file, {@code openapi/assets/docs.js}.
 */
final class ApiDocs {
    static final String DOCUMENT = "/openapi.json";
    static final String PAGE = "/docs";

    /** The two files of the webjar the page loads (nothing else of it is served), and its own script. */
    static final String SWAGGER_CSS = PAGE + "/swagger-ui/swagger-ui.css";

    static final String SWAGGER_JS = PAGE + "/swagger-ui/swagger-ui-bundle.js";
    static final String DOCS_JS = PAGE + "/assets/docs.js";

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
        // Three files as three routes: Javalin's static files from the classpath opened the whole
        // 200 MB jar as a file system at every start (most of a second) to serve them.
        asset(config, SWAGGER_CSS, "text/css; charset=utf-8", webjar("swagger-ui.css"));
        asset(config, SWAGGER_JS, "text/javascript; charset=utf-8", webjar("swagger-ui-bundle.js"));
        asset(config, DOCS_JS, "text/javascript; charset=utf-8", resource("/openapi/assets/docs.js"));
    }

    private static void asset(JavalinConfig config, String path, String type, byte[] bytes) {
        config.routes.get(path, ctx -> {
            PAGE_HEADERS.forEach(ctx::header);
            ctx.contentType(type).result(bytes);
        });
    }

    private static byte[] webjar(String file) {
        return resource("/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/" + file);
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
