package com.askkira.eval;

import com.askkira.pipeline.GroundingReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evaluation as report.json (for machines) and report.html (for the content team): the
 * retrieval scores, and, when the answers were evaluated too, the workbench's charts (Chart.js and
 * report.js copied beside the page, so it opens from disk) and every answer sentence by sentence,
 * each marked supported, unsupported or overstated with the rule it breaks.
 */
public final class EvalReport {
    private EvalReport() {}

    /** One run over a golden file: the score of every ranking, and the answers when they were run. */
    public record Run(String golden, String embeddingModel, List<RetrievalScore> scores, Answers answers) {
        public Run(String golden, String embeddingModel, List<RetrievalScore> scores) {
            this(golden, embeddingModel, scores, null);
        }
    }

    /** The golden questions answered: the figures, each result (failures first), and each answer's sentences checked. */
    public record Answers(
            EvaluationSummary summary, List<EvaluationResult> results, Map<String, GroundingReport> marks) {}

    public static void write(Run run, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("report.json").toFile(), run);
        if (run.answers() != null) {
            copy(ChartJs.resource(), dir.resolve("chart.js"));
            copy("/eval/report.js", dir.resolve("report.js"));
        }
        Files.writeString(dir.resolve("report.html"), html(run, json), StandardCharsets.UTF_8);
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = EvalReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing from the jar: " + resource);
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String html(Run run, ObjectMapper json) throws IOException {
        StringBuilder out = new StringBuilder("""
                <!doctype html><html lang="en"><meta charset="utf-8"><title>Kira evaluation</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:80rem;color:#1b1b1b}
                table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}
                th{background:#eef}.charts{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
                .chart{position:relative;height:220px}figure{margin:0}figcaption{font-weight:600}
                ul.s{list-style:none;padding:0;margin:0}ul.s li{border-left:5px solid #ccc;padding:2px 8px;margin:4px 0}
                li.supported{border-color:#1a7f37}li.unsupported{border-color:#b3261e}li.overstated{border-color:#9a6700}
                .mark{font-size:12px;font-weight:700;padding:0 6px;border-radius:9px;margin-right:6px}
                .supported .mark{background:#dafbe1}.unsupported .mark{background:#ffebe9}.overstated .mark{background:#fff8c5}
                .rule{color:#6b4b00}.failed{color:#8c1d18;font-weight:700}.passed{color:#116329;font-weight:700}</style>
                """);
        out.append("<h1>Evaluation</h1><p>Golden set: <code>")
                .append(escape(run.golden()))
                .append("</code>; embedding model: <code>")
                .append(escape(run.embeddingModel()))
                .append("</code></p>");
        retrieval(run, out);
        if (run.answers() != null) {
            answers(run.answers(), json, out);
        }
        return out.append("</html>\n").toString();
    }

    private static void retrieval(Run run, StringBuilder out) {
        out.append("<h2>Retrieval</h2>");
        out.append("<table><tr><th>ranking</th><th>questions</th><th>hit@1</th><th>hit@3</th><th>MRR</th></tr>");
        for (RetrievalScore s : run.scores()) {
            out.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>",
                    s.mode(),
                    s.questions(),
                    s.hit1(),
                    s.hit3(),
                    s.mrr()));
        }
        out.append("</table>");
        RetrievalScore hybrid = run.scores().getLast();
        out.append("<h3>Questions whose right section was not in the top three (")
                .append(hybrid.mode())
                .append(")</h3>");
        out.append(
                "<table><tr><th>id</th><th>kind</th><th>question</th><th>expected</th><th>top three</th><th>rank</th></tr>");
        for (RetrievalScore.Miss m : hybrid.misses()) {
            out.append("<tr><td>")
                    .append(escape(m.id()))
                    .append("</td><td>")
                    .append(escape(m.kind()))
                    .append("</td><td>")
                    .append(escape(m.question()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", m.expected())))
                    .append("</td><td>")
                    .append(escape(String.join(", ", m.top3())))
                    .append("</td><td>")
                    .append(m.rank() == 0 ? "not in top 10" : m.rank())
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    private static void answers(Answers answers, ObjectMapper json, StringBuilder out) throws IOException {
        EvaluationSummary s = answers.summary();
        out.append("<h2>Answers</h2><p>")
                .append(s.passed())
                .append(" of ")
                .append(s.questions())
                .append(" passed; right section cited ")
                .append(s.hitRate())
                .append("; facts stated ")
                .append(s.factsRate())
                .append("; latency median ")
                .append(s.latencyP50Ms())
                .append(" ms, p95 ")
                .append(s.latencyP95Ms())
                .append(" ms.</p>");
        out.append("""
                <div class="charts">
                <figure><figcaption>Questions passed and failed</figcaption><div class="chart"><canvas id="chart-pass" role="img" aria-label="Questions passed and failed"></canvas></div></figure>
                <figure><figcaption>Right section cited and facts stated</figcaption><div class="chart"><canvas id="chart-rates" role="img" aria-label="Right section cited and facts stated"></canvas></div></figure>
                <figure><figcaption>Guardrail verdicts and declines</figcaption><div class="chart"><canvas id="chart-verdicts" role="img" aria-label="Guardrail verdicts and declines"></canvas></div></figure>
                </div>
                """);
        // Data for report.js: JSON is not run, and "</" is escaped so the text cannot close the element.
        out.append("<script type=\"application/json\" id=\"report-data\">")
                .append(json.writeValueAsString(s).replace("</", "<\\/"))
                .append("</script><script src=\"chart.js\"></script><script src=\"report.js\"></script>");
        out.append("<h3>Every question, failures first, each sentence marked</h3>");
        out.append("<table><tr><th>result</th><th>question</th><th>expected</th><th>cited</th><th>facts</th>"
                + "<th>verdict</th><th>answer, sentence by sentence</th></tr>");
        for (EvaluationResult r : answers.results()) {
            out.append("<tr><td class=\"")
                    .append(r.passed() ? "passed\">passed" : "failed\">failed")
                    .append("</td><td>")
                    .append(escape(r.question()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", r.expected())))
                    .append("</td><td>")
                    .append(escape(r.abstained() ? "declined: " + r.abstainReason() : String.join(", ", r.cited())))
                    .append("</td><td>")
                    .append(r.factsStated())
                    .append(" of ")
                    .append(r.facts())
                    .append("</td><td>")
                    .append(escape(r.verdict()))
                    .append("</td><td><ul class=\"s\">");
            GroundingReport marks = answers.marks().get(r.id());
            if (marks == null) {
                out.append("<li>").append(escape(r.answer())).append("</li>");
            } else {
                for (GroundingReport.SentenceSupport sentence : marks.sentences()) {
                    out.append("<li class=\"")
                            .append(sentence.verdict())
                            .append("\"><span class=\"mark\">")
                            .append(sentence.verdict())
                            .append("</span>")
                            .append(escape(sentence.text()));
                    for (GroundingReport.Finding f : sentence.findings()) {
                        out.append("<div class=\"rule\">breaks ")
                                .append(escape(f.rule()))
                                .append(": ")
                                .append(escape(f.detail()))
                                .append("</div>");
                    }
                    out.append("</li>");
                }
            }
            out.append("</ul></td></tr>");
        }
        out.append("</table>");
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
