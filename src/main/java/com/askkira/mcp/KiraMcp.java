package com.askkira.mcp;

import com.askkira.answer.Citation;
import com.askkira.corpus.Library;
import com.askkira.corpus.LibraryDocument;
import com.askkira.http.ControlCharacters;
import com.askkira.http.McpGate;
import com.askkira.http.RequestParser;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.SearchResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kira's MCP server: {@code ask_kira} answers through the same pipeline as {@code POST /v1/answers}
 * (its {@code structuredContent} is that response object, described by its {@code outputSchema});
 * {@code search_library} returns the passages of {@code GET /v1/search}; each library document is
 * the resource {@code kira://documents/{slug}} (Markdown). A bad argument is answered as a tool
 * error ({@code isError}) with the same message the HTTP API gives, never a protocol error.
 */
public final class KiraMcp {
    public static final String ASK = "ask_kira";
    public static final String SEARCH = "search_library";
    /** What a client is told of a failure that is ours, over either transport; the log has the rest. */
    static final String OUR_FAULT = "Something went wrong on our side. Please try again.";

    static final String DOCUMENTS = "kira://documents/";
    private static final String CLIENT = "kira.client";

    private static final Logger LOG = LoggerFactory.getLogger(KiraMcp.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    /** A model answer can take the model's whole limit (KIRA_MODEL_TIMEOUT_MS, 30 s by default) and a redraft. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final AnswerService answers;
    private final Library library;
    private final ObjectMapper json;
    private final RequestParser parser;
    private final String version;

    public KiraMcp(AnswerService answers, Library library, ObjectMapper json, String version) {
        this.answers = Objects.requireNonNull(answers, "answers");
        this.library = Objects.requireNonNull(library, "library");
        this.json = Objects.requireNonNull(json, "json");
        this.parser = new RequestParser(json);
        this.version = Objects.requireNonNull(version, "version");
    }

    /**
     * The Streamable HTTP transport, a servlet for {@code endpoint}. A browser page from an origin
     * not in {@code allowedOrigins} is refused (403), as the MCP specification asks against DNS
     * rebinding; agents and other programs send no Origin and are let through to the key check.
     */
    public HttpServletStreamableServerTransportProvider servlet(
            String endpoint, List<String> allowedOrigins, McpGate gate) {
        DefaultServerTransportSecurityValidator.Builder origins = DefaultServerTransportSecurityValidator.builder();
        allowedOrigins.forEach(origins::allowedOrigin);
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper())
                .mcpEndpoint(endpoint)
                .securityValidator(origins.build())
                // Whom each request counts against, read where the HTTP request is still at hand.
                .contextExtractor(request -> McpTransportContext.create(Map.of(CLIENT, gate.client(request))))
                .build();
        Admission limits = (exchange, what) ->
                gate.acquire(what, String.valueOf(exchange.transportContext().get(CLIENT)));
        McpServer.sync(transport)
                .jsonMapper(mapper())
                .serverInfo("ask-kira", version)
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities())
                .requestTimeout(REQUEST_TIMEOUT)
                .tools(tools(limits))
                .resources(resources())
                .build();
        return transport;
    }

    /**
     * The server over stdio: JSON-RPC on {@code in} and {@code out}, and nothing else on {@code out}.
     * No rate limit: the one client is the program that started this process. Each line is checked
     * and each answer cleaned as {@code /mcp} does it ({@link StdioGate}).
     */
    public McpSyncServer stdio(InputStream in, OutputStream out) {
        StdioGate gate = new StdioGate(json, out);
        return McpServer.sync(new StdioServerTransportProvider(mapper(), gate.requests(in), gate.responses()))
                .jsonMapper(mapper())
                .serverInfo("ask-kira", version)
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities())
                .requestTimeout(REQUEST_TIMEOUT)
                .tools(tools(Admission.NONE))
                .resources(resources())
                .build();
    }

    private static final String INSTRUCTIONS = "Ask Kira answers questions about confidentiality in therapy only from"
            + " its library, citing each passage it uses, and says so when the library does not answer."
            + " Use ask_kira for an answer with sources, search_library for the passages themselves, and the"
            + " kira://documents/{slug} resources for whole documents.";

    private McpJsonMapper mapper() {
        return new JacksonMcpJsonMapper(json);
    }

    private static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .build();
    }

    List<SyncToolSpecification> tools(Admission admission) {
        Tool ask = Tool.builder(ASK, schema("""
                        {"type": "object", "required": ["question"], "additionalProperties": false,
                         "properties": {
                           "question": {"type": "string", "minLength": 1, "maxLength": 1000,
                                        "description": "The reader's question, in English or Spanish."},
                           "history": {"type": "array", "maxItems": 20,
                                       "description": "Earlier turns of this conversation, oldest first.",
                                       "items": {"type": "object", "required": ["role", "content"],
                                                 "properties": {
                                                   "role": {"type": "string", "enum": ["user", "assistant"]},
                                                   "content": {"type": "string", "maxLength": 4000}}}}}}
                        """))
                .title("Ask Kira")
                .description("Answers a question about confidentiality in therapy from Kira's library only, with"
                        + " numbered citations of the passages it rests on; says so when the library does not"
                        + " answer, and leads with crisis resources when a message signals risk of harm.")
                .outputSchema(schema(resource("/mcp/ask-kira-output.schema.json")))
                .build();
        Tool search = Tool.builder(SEARCH, schema("""
                        {"type": "object", "required": ["query"], "additionalProperties": false,
                         "properties": {
                           "query": {"type": "string", "minLength": 1, "maxLength": 1000},
                           "k": {"type": "integer", "minimum": 1, "maximum": 20, "default": 5,
                                 "description": "How many passages, best first."}}}
                        """))
                .title("Search Kira's library")
                .description("The library passages Kira would answer from, best first, with their titles,"
                        + " sections, links and scores.")
                .build();
        return List.of(
                SyncToolSpecification.builder()
                        .tool(ask)
                        .callHandler((exchange, request) ->
                                admitted(exchange, admission, "answers").orElseGet(() -> guarded(request, this::ask)))
                        .build(),
                SyncToolSpecification.builder()
                        .tool(search)
                        .callHandler((exchange, request) ->
                                admitted(exchange, admission, "search").orElseGet(() -> guarded(request, this::search)))
                        .build());
    }

    List<SyncResourceSpecification> resources() {
        return library.documents().stream().map(this::resource).toList();
    }

    private SyncResourceSpecification resource(LibraryDocument document) {
        String slug = document.meta().slug();
        Resource resource = Resource.builder()
                .uri(DOCUMENTS + slug)
                .name(slug)
                .title(document.meta().title())
                .description(
                        document.meta().summary() == null
                                ? document.meta().type().name().toLowerCase(java.util.Locale.ROOT)
                                : document.meta().summary())
                .mimeType("text/markdown")
                .build();
        return new SyncResourceSpecification(resource, (exchange, request) -> {
            String text = library.source(slug)
                    .orElseThrow(() -> new IllegalArgumentException("No library document " + request.uri()));
            return new ReadResourceResult(List.of(TextResourceContents.builder(request.uri(), text)
                    .mimeType("text/markdown")
                    .build()));
        });
    }

    private CallToolResult ask(Map<String, Object> arguments) throws JsonProcessingException {
        AnswerRequest request = parser.answerRequest(json.writeValueAsBytes(arguments));
        AnswerResponse response = answers.answer(request);
        return CallToolResult.builder()
                .addTextContent(readable(response))
                .structuredContent(json.convertValue(response, OBJECT))
                .isError(false)
                .build();
    }

    private CallToolResult search(Map<String, Object> arguments) {
        Object query = arguments.get("query");
        Object k = arguments.getOrDefault("k", 5);
        if (!(query instanceof String q)) {
            throw new KiraException.InvalidRequest("'query' is required and must be a string");
        }
        // JSON has one number type: 5 may arrive as an Integer, a Long or 5.0.
        if (!(k instanceof Number n)
                || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < 1
                || n.doubleValue() > 20) {
            throw new KiraException.InvalidRequest("'k' must be a whole number from 1 to 20");
        }
        // Refused, not cleaned, as GET /v1/search refuses them in 'q' and ask_kira in its question.
        List<SearchResult> results = answers.search(ControlCharacters.refuse("query", q), n.intValue());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            SearchResult r = results.get(i);
            text.append(i + 1)
                    .append(". ")
                    .append(r.section())
                    .append(" — ")
                    .append(r.title())
                    .append(", ")
                    .append(r.url())
                    .append("\n")
                    .append(r.text())
                    .append("\n\n");
        }
        return CallToolResult.builder()
                .addTextContent(text.toString().strip())
                .structuredContent(Map.of("results", json.convertValue(results, Object.class)))
                .isError(false)
                .build();
    }

    /** The answer as a reader of a chat reads it: the text, then its sources numbered as its markers. */
    static String readable(AnswerResponse response) {
        StringBuilder text = new StringBuilder(response.answer());
        if (!response.citations().isEmpty()) {
            text.append("\n\nSources:");
            for (Citation c : response.citations()) {
                text.append("\n[")
                        .append(c.n())
                        .append("] ")
                        .append(c.section())
                        .append(" — ")
                        .append(c.title())
                        .append(", ")
                        .append(c.url());
            }
        }
        return text.toString();
    }

    /** A tool error when the client is over its limit for {@code what}, as the HTTP API's 429 says it. */
    private static Optional<CallToolResult> admitted(McpSyncServerExchange exchange, Admission admission, String what) {
        long wait = admission.waitSeconds(exchange, what);
        return wait > 0 ? Optional.of(error("Too many requests; try again in " + wait + " s.")) : Optional.empty();
    }

    /** Seconds a client must wait before it may make a request of a kind; 0 when it may go ahead. */
    @FunctionalInterface
    interface Admission {
        Admission NONE = (exchange, what) -> 0;

        long waitSeconds(McpSyncServerExchange exchange, String what);
    }

    /** A tool's failure as a tool error the calling model can read, not a protocol error. */
    private CallToolResult guarded(CallToolRequest request, ToolCall call) {
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        try {
            return call.apply(new LinkedHashMap<>(arguments));
        } catch (KiraException.InvalidRequest | KiraException.ModelUnavailable e) {
            return error(e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.error("MCP tool {} failed", request.name(), e);
            return error(OUR_FAULT);
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private Map<String, Object> schema(String text) {
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool schema is not JSON", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = KiraMcp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ToolCall {
        CallToolResult apply(Map<String, Object> arguments) throws JsonProcessingException;
    }
}
