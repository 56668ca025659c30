package com.askkira.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes an evaluation as report.json (for machines) and report.html (for the content team). */
public final class EvalReport {
    private EvalReport() {}

    /** One run over a golden file: the score of every ranking. */
    public record Run(String golden, String embeddingModel, List<RetrievalScore> scores) {}

    public static void write(Run run, Path dir) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("report.json").toFile(), run);
        Files.writeString(dir.resolve("report.html"), html(run), StandardCharsets.UTF_8);
    }

    private static String html(Run run) {
        StringBuilder out = new StringBuilder("""
                <!doctype html><html lang="en"><meta charset="utf-8"><title>Kira retrieval evaluation</title>
                <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1b1b1b}
                table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}
                th{background:#eef}</style>
                """);
        out.append("<h1>Retrieval evaluation</h1><p>Golden set: <code>")
                .append(escape(run.golden()))
                .append("</code>; embedding model: <code>")
                .append(escape(run.embeddingModel()))
                .append("</code></p>");
        out.append("<table><tr><th>ranking</th><th>questions</th><th>hit@1</th><th>hit@3</th><th>MRR</th></tr>");
        for (RetrievalScore s : run.scores()) {
            out.append(String.format(
                    "<tr><td>%s</td><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>",
                    s.mode(), s.questions(), s.hit1(), s.hit3(), s.mrr()));
        }
        out.append("</table>");
        RetrievalScore hybrid = run.scores().getLast();
        out.append("<h2>Questions whose right section was not in the top three (")
                .append(hybrid.mode())
                .append(")</h2>");
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
        return out.append("</table></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
