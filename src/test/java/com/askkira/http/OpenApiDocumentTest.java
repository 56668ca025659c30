package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.mcp.KiraMcp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} from a server built as {@code serve} builds it (the API, the workbench,
 * readiness, metrics, the MCP servlet and the demo site): a valid OpenAPI 3.1 document by
 * swagger-parser's validator, listing exactly the routes the server registers (read from Javalin's
 * router, not from a list kept here), with every error each kind of operation can meet.
 */
class OpenApiDocumentTest {
    /**
     * What the server answers that is not a Javalin route, so not in Javalin's router: the MCP
     * transport, a servlet beside Javalin's in the same Jetty. The test checks it answers there.
     */
    private static final Set<String> REGISTERED_ELSEWHERE = Set.of("POST /mcp", "GET /mcp", "DELETE /mcp");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin app;
    private static OpenAPI document;

    @BeforeAll
    static void start() throws Exception {
        Kira kira = TestKira.shared();
        // As KiraCommand.Serve builds it: readiness, metrics and MCP from Kira, the workbench from its admin.
        app = new KiraServer(
                        kira.answers(),
                        kira.grounding(),
                        kira.admin(),
                        JSON,
                        new KiraServer.Options(0, List.of("key")),
                        new Operations(
                                kira::readiness,
                                kira.metrics(),
                                Optional.of(gate -> new KiraMcp(kira.answers(), kira.library(), JSON, "test")
                                        .servlet(KiraServer.MCP_PATH, List.of(), gate))))
                .create(config -> WebAssets.register(config, Path.of("web"), List.of()))
                .start(0);
        HttpResponse<String> response = call("GET", "/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        document = result.getOpenAPI();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void should_be_a_valid_openapi_3_1_document() {
        assertThat(document.getOpenapi()).startsWith("3.1");
        assertThat(document.getComponents().getSecuritySchemes()).containsKeys("bearerKey", "apiKeyHeader");
    }

    @Test
    void should_list_exactly_the_routes_the_server_registers() {
        Set<String> registered = new TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .forEach(endpoint -> registered.add(endpoint.method.name() + " " + endpoint.path));
        Set<String> documented = new TreeSet<>();
        document.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .keySet()
                        .forEach(method -> documented.add(method.name() + " " + path)));

        assertThat(registered).doesNotContainAnyElementsOf(REGISTERED_ELSEWHERE);
        Set<String> expected = new TreeSet<>(registered);
        expected.addAll(REGISTERED_ELSEWHERE);
        assertThat(documented).isEqualTo(expected);
        assertThat(registered)
                .contains(
                        "POST /v1/chat/completions",
                        "GET /v1/models",
                        "GET /openapi.json",
                        "GET /docs",
                        "GET /ready",
                        "GET /metrics",
                        "GET /admin",
                        "POST /v1/admin/check",
                        "GET /v1/admin/evaluations/{id}");
    }

    /**
     * The routes kept out of Javalin's router are there all the same: the MCP servlet answers at /mcp
     * with the statuses documented, from opening a session to ending it.
     */
    @Test
    void should_answer_mcp_where_and_as_the_document_says() throws Exception {
        HttpResponse<String> initialize = mcp(
                "POST",
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"openapi-test\",\"version\":\"1\"}}}");
        String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> noSession = mcp("DELETE", null, null);
        HttpResponse<String> ended = mcp("DELETE", session, null);
        HttpResponse<String> endedAgain = mcp("DELETE", session, null);

        assertThat(initialize.statusCode()).isEqualTo(200);
        assertThat(initialize.body()).contains("\"protocolVersion\"");
        assertThat(List.of(noSession.statusCode(), ended.statusCode(), endedAgain.statusCode()))
                .containsExactly(400, 200, 404);
        Map<PathItem.HttpMethod, Operation> operations =
                document.getPaths().get("/mcp").readOperationsMap();
        assertThat(operations.get(PathItem.HttpMethod.POST).getResponses()).containsKeys("200", "400", "401");
        assertThat(operations.get(PathItem.HttpMethod.DELETE).getResponses()).containsKeys("200", "400", "404");
    }

    private static HttpResponse<String> mcp(String method, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/mcp"))
                .header("Authorization", "Bearer key")
                .header("Accept", "application/json, text/event-stream")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Each documented example, whole or named, has the fields its schema requires and no others. */
    @Test
    void should_give_examples_that_match_their_schemas() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> operation.getResponses().forEach((status, response) -> {
            MediaType json = content(response);
            if (json == null || json.getSchema() == null) {
                return;
            }
            List<Object> examples = new ArrayList<>();
            if (json.getExample() != null) {
                examples.add(json.getExample());
            }
            if (json.getExamples() != null) {
                json.getExamples().values().forEach(example -> examples.add(exampleValue(example)));
            }
            for (Object example : examples) {
                match(JSON.valueToTree(example), json.getSchema(), name + " " + status, problems);
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void should_document_the_errors_each_operation_can_meet() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> {
            Set<String> statuses = operation.getResponses().keySet();
            boolean jsonBody = operation.getRequestBody() != null
                    && operation.getRequestBody().getContent().containsKey("application/json");
            boolean keyed = operation.getSecurity() != null
                    && operation.getSecurity().stream().anyMatch(s -> !s.isEmpty());
            boolean rateLimited = name.startsWith("POST /v1/answers")
                    || name.equals("POST /v1/chat/completions")
                    || name.equals("GET /v1/search")
                    || name.equals("POST /v1/grounding")
                    || name.equals("POST /v1/feedback");
            List<String> needed = new ArrayList<>();
            if (jsonBody && name.contains(" /v1/")) {
                needed.addAll(List.of("400", "413", "415"));
            }
            if (keyed) {
                needed.add("401");
            }
            if (rateLimited) {
                needed.add("429");
            }
            needed.stream().filter(s -> !statuses.contains(s)).forEach(s -> missing.add(name + " " + s));
            assertThat(statuses.stream().filter(s -> s.startsWith("2")))
                    .as(name)
                    .isNotEmpty();
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void should_give_openai_errors_their_type_and_the_rest_the_contract_shape() {
        forEachOperation((name, operation) -> operation.getResponses().forEach((status, response) -> {
            // Not ready is a state, not an error: /ready answers 503 with its readiness body.
            if (status.startsWith("2") || content(response) == null || name.equals("GET /ready")) {
                return;
            }
            String schema = content(response).getSchema().get$ref();
            assertThat(schema)
                    .as(name + " " + status)
                    .endsWith(name.contains("/v1/chat/") || name.contains("/v1/models") ? "/OpenAiError" : "/Error");
        }));
    }

    @Test
    void should_give_every_json_response_an_example() {
        List<String> without = new ArrayList<>();
        forEachOperation((name, operation) -> operation.getResponses().forEach((status, response) -> {
            MediaType json = content(response);
            if (json != null
                    && json.getExample() == null
                    && (json.getExamples() == null || json.getExamples().isEmpty())
                    && !name.equals("GET /openapi.json")
                    && !name.endsWith(" /mcp")) {
                without.add(name + " " + status);
            }
        }));
        assertThat(without).isEmpty();
    }

    /**
     * Real responses against the documented schemas: every field a response carries is documented,
     * and every field documented as required is there, all the way down. A field added to a
     * response and not to the document fails here.
     */
    @Test
    void should_describe_the_fields_of_real_responses() throws Exception {
        String question = "{\"question\": \"Can my employer see my therapy records?\"}";
        String chat = "{\"model\": \"kira\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"Can my employer see my therapy records?\"}]}";
        assertMatches("AnswerResponse", call("POST", "/v1/answers", question));
        assertMatches(
                "AnswerResponse", call("POST", "/v1/answers", "{\"question\": \"I want to end my life tonight\"}"));
        assertMatches("SearchResponse", call("GET", "/v1/search?q=employer&k=2", null));
        assertMatches(
                "GroundingReport",
                call("POST", "/v1/grounding", "{\"answer\": \"Your employer cannot access your therapy records.\"}"));
        assertMatches("Health", call("GET", "/health", null));
        assertMatches("Readiness", call("GET", "/ready", null));
        assertMatches("Insights", call("GET", "/v1/admin/insights", null));
        assertMatches("Insights", call("GET", "/v1/admin/insights?from=2026-01-01&to=2099-12-31", null));
        assertMatches(
                "CheckedAnswer",
                call("POST", "/v1/admin/check", "{\"question\": \"Can my employer see my therapy records?\"}"));
        assertMatches(
                "GroundingReport",
                call(
                        "POST",
                        "/v1/admin/grounding",
                        "{\"answer\": \"Confidentiality in therapy has no exceptions. Your employer cannot access"
                                + " your therapy records without your written consent.\"}"));
        assertMatches("LibraryList", call("GET", "/v1/admin/library", null));
        assertMatchesDocumented("GET", "/v1/admin/golden", "200", call("GET", "/v1/admin/golden", null));
        assertMatchesDocumented("GET", "/v1/admin/evaluations", "200", call("GET", "/v1/admin/evaluations", null));
        assertMatches("ChatCompletion", call("POST", "/v1/chat/completions", chat));
        assertMatches("ModelList", call("GET", "/v1/models", null));
        String stream = call("POST", "/v1/chat/completions", chat.replace("{\"model\"", "{\"stream\": true, \"model\""))
                .body();
        List<String> chunks = stream.lines()
                .filter(l -> l.startsWith("data: {"))
                .map(l -> l.substring("data: ".length()))
                .toList();
        assertThat(chunks).hasSizeGreaterThan(2);
        for (String chunk : chunks) {
            List<String> problems = new ArrayList<>();
            match(
                    JSON.readTree(chunk),
                    document.getComponents().getSchemas().get("ChatCompletionChunk"),
                    "chunk",
                    problems);
            assertThat(problems).as(chunk).isEmpty();
        }
        assertMatches("Error", call("POST", "/v1/answers", "{}"));
        assertMatches("OpenAiError", call("POST", "/v1/chat/completions", "{}"));
    }

    @Test
    void should_give_each_schema_property_a_whole_description_and_no_stray_keys() throws Exception {
        // A YAML flow mapping reads a comma in an unquoted description as the start of a new key:
        // "The question it answers, if any." became a description and a key "if any." set to null.
        JsonNode served = JSON.readTree(call("GET", "/openapi.json", null).body());
        List<String> stray = new ArrayList<>();
        served.findParents("properties")
                .forEach(parent -> parent.get("properties")
                        .properties()
                        .forEach(property -> property.getValue().properties().forEach(field -> {
                            if (field.getValue().isNull() || !field.getKey().matches("[$A-Za-z][A-Za-z0-9]*")) {
                                stray.add(property.getKey() + " has \"" + field.getKey() + "\": " + field.getValue());
                            }
                        })));

        assertThat(stray).isEmpty();
        assertThat(served.at("/components/schemas/GroundingRequest/properties/question/description")
                        .asText())
                .isEqualTo("The question it answers, if any.");
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Authorization", "Bearer key")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response against the schema the document gives that operation's {@code status}. */
    private static void assertMatchesDocumented(
            String method, String path, String status, HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(Integer.parseInt(status));
        Operation operation =
                document.getPaths().get(path).readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        List<String> problems = new ArrayList<>();
        match(
                JSON.readTree(response.body()),
                content(operation.getResponses().get(status)).getSchema(),
                method + " " + path,
                problems);
        assertThat(problems).isEmpty();
    }

    private static Object exampleValue(io.swagger.v3.oas.models.examples.Example example) {
        if (example.get$ref() != null) {
            String ref = example.get$ref();
            return document.getComponents()
                    .getExamples()
                    .get(ref.substring(ref.lastIndexOf('/') + 1))
                    .getValue();
        }
        return example.getValue();
    }

    private static void assertMatches(String schema, HttpResponse<String> response) throws Exception {
        List<String> problems = new ArrayList<>();
        match(
                JSON.readTree(response.body()),
                document.getComponents().getSchemas().get(schema),
                schema,
                problems);
        assertThat(problems).as(schema).isEmpty();
    }

    @SuppressWarnings("rawtypes")
    private static void match(JsonNode node, Schema schema, String where, List<String> problems) {
        while (schema.get$ref() != null) {
            String ref = schema.get$ref();
            schema = document.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (node.isObject() && schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            required.stream()
                    .filter(name -> !node.has(name))
                    .forEach(name -> problems.add(where + "." + name + " is required but missing"));
            node.fieldNames().forEachRemaining(name -> {
                if (!properties.containsKey(name)) {
                    problems.add(where + "." + name + " is not documented");
                } else {
                    match(node.get(name), properties.get(name), where + "." + name, problems);
                }
            });
        } else if (node.isArray() && schema.getItems() != null) {
            for (JsonNode item : node) {
                match(item, schema.getItems(), where + "[]", problems);
            }
        }
    }

    private static MediaType content(ApiResponse response) {
        return response.getContent() == null ? null : response.getContent().get("application/json");
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, Operation> action) {
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            path.getValue()
                    .readOperationsMap()
                    .forEach((method, operation) -> action.accept(method.name() + " " + path.getKey(), operation));
        }
    }
}
