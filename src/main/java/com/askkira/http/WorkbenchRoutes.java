package com.askkira.http;

import com.askkira.eval.ChartJs;
import com.askkira.insights.InsightsReport;
import com.askkira.pipeline.BlankText;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.TextLength;
import com.askkira.store.DateRange;
import com.askkira.workbench.Workbench;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content team's workbench over HTTP: the page at {@code /admin} (HTML, script, styles and
 * Chart.js, all from the jar, under the widget's Content-Security-Policy) and the admin calls it
 * makes, each behind the admin key like every {@code /v1/admin/*} path.
 */
final class WorkbenchRoutes {
    private static final String PAGE = "/admin/";
    private static final String CHART_JS = ChartJs.resource();

    private WorkbenchRoutes() {}

    static void register(JavalinConfig config, Workbench workbench, RequestParser parser) {
        config.routes.get("/admin", ctx -> asset(ctx, PAGE + "admin.html", "text/html; charset=utf-8"));
        config.routes.get("/admin/admin.js", ctx -> asset(ctx, PAGE + "admin.js", "text/javascript; charset=utf-8"));
        config.routes.get("/admin/admin.css", ctx -> asset(ctx, PAGE + "admin.css", "text/css; charset=utf-8"));
        config.routes.get("/admin/chart.js", ctx -> asset(ctx, CHART_JS, "text/javascript; charset=utf-8"));

        config.routes.post("/v1/admin/check", ctx -> {
            JsonNode body = parser.object(KiraServer.jsonBody(ctx));
            String question = text(body, "question", true);
            if (BlankText.isBlank(question) || TextLength.of(question) > 1_000) {
                throw new KiraException.InvalidRequest("'question' must be 1 to 1,000 characters");
            }
            ctx.json(workbench.check(question.strip()));
        });
        config.routes.post("/v1/admin/grounding", ctx -> {
            RequestParser.GroundingRequest request = parser.grounding(KiraServer.jsonBody(ctx));
            ctx.json(workbench.checkText(request.answer(), request.question()));
        });
        config.routes.get("/v1/admin/library", ctx -> ctx.json(Map.of("documents", workbench.library())));
        config.routes.post("/v1/admin/reindex/gated", ctx -> {
            JsonNode body = parser.object(KiraServer.jsonBody(ctx));
            Workbench.Thresholds thresholds = new Workbench.Thresholds(
                    share(body, "minHit3", Workbench.DEFAULT_THRESHOLDS.minHit3()),
                    share(body, "minMrr", Workbench.DEFAULT_THRESHOLDS.minMrr()));
            ctx.json(workbench.reindex(thresholds));
        });
        config.routes.post(
                "/v1/admin/evaluations",
                ctx -> ctx.status(202).json(workbench.evaluations().start()));
        config.routes.get(
                "/v1/admin/evaluations",
                ctx -> ctx.json(Map.of("runs", workbench.evaluations().runs())));
        config.routes.get(
                "/v1/admin/evaluations/{id}",
                ctx -> ctx.json(workbench
                        .evaluations()
                        .status(ctx.pathParam("id"))
                        .orElseThrow(() -> new KiraException.NotFound("No evaluation run has this id."))));
        config.routes.get("/v1/admin/golden", ctx -> ctx.json(Map.of("questions", workbench.golden())));
        config.routes.post("/v1/admin/golden", ctx -> {
            JsonNode body = parser.object(KiraServer.jsonBody(ctx));
            List<List<String>> facts = new ArrayList<>();
            JsonNode given = body.get("facts");
            if (given != null && !given.isNull()) {
                if (!given.isArray()) {
                    throw new KiraException.InvalidRequest("'facts' is a list of facts, each a list of phrasings");
                }
                for (JsonNode fact : given) {
                    List<String> phrasings = new ArrayList<>();
                    for (JsonNode p : fact.isArray() ? fact : List.of(fact)) {
                        if (!p.isTextual()) {
                            throw new KiraException.InvalidRequest("each phrasing of a fact is a string");
                        }
                        phrasings.add(ControlCharacters.refuse("facts", p.textValue()));
                    }
                    facts.add(phrasings);
                }
            }
            ctx.status(201)
                    .json(workbench.addGolden(
                            text(body, "question", true),
                            text(body, "expectedSection", true),
                            facts,
                            text(body, "answerId", false)));
        });
    }

    /** GET /v1/admin/insights, over {@code from}..{@code to} (yyyy-mm-dd, both optional) when given. */
    static InsightsReport insights(Context ctx, KiraServer.Admin admin) {
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return admin.insights();
        }
        try {
            LocalDate start = from == null || from.isBlank() ? DateRange.ALL.from() : LocalDate.parse(from.strip());
            LocalDate end = to == null || to.isBlank() ? DateRange.ALL.to() : LocalDate.parse(to.strip());
            if (end.isBefore(start)) {
                throw new KiraException.InvalidRequest("'to' is before 'from'");
            }
            return admin.insights(new DateRange(start, end));
        } catch (DateTimeParseException e) {
            throw new KiraException.InvalidRequest("'from' and 'to' are dates as YYYY-MM-DD");
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new KiraException.InvalidRequest("'" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new KiraException.InvalidRequest("'" + field + "' must be a string");
        }
        return ControlCharacters.refuse(field, value.textValue());
    }

    private static double share(JsonNode body, String field, double fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new KiraException.InvalidRequest("'" + field + "' must be a number from 0 to 1");
        }
        return value.doubleValue();
    }

    private static void asset(Context ctx, String resource, String type) {
        try (InputStream in = WorkbenchRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw HttpError.notFound();
            }
            ctx.header("Content-Security-Policy", WebAssets.CONTENT_SECURITY_POLICY)
                    .header("Referrer-Policy", "same-origin")
                    .contentType(type)
                    .result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
