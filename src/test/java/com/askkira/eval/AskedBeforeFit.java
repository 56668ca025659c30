package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.config.Tuning;
import com.askkira.corpus.Library;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.KiraIndex;
import com.askkira.language.SpanishGloss;
import com.askkira.retrieval.AskedBefore;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code retrieval/asked-before.json} and chooses {@code retrieval.askedBeforeWeight}: the
 * labelled questions are the dev sets' own (retrieval-dev, everyday-dev, blind sets 4 to 7, the
 * decision's fitting sets) and {@code retrieval/asked-before-2.json} (300 visitors' questions over
 * every section, written for this by a writer who read only the library), standalone English
 * questions the library answers, with their sections.
 * Held-out and frozen sets (retrieval-holdout, everyday-holdout, the abstention holdouts, blind sets 8
 * and 10) are never among them. Each dev set is left out in turn, the others voting, and its search
 * hit@3 measured (follow-ups and Spanish questions included, as the reader's retriever sees them);
 * the smallest weight within a quarter of a percent of the most hits summed is the one to keep.
 *
 * <pre>mvn -B -ntp test -Dtest=AskedBeforeFit -Dkira.fit=true [-Dkira.fit.write=true]</pre>
 */
@EnabledIfSystemProperty(named = "kira.fit", matches = "true")
class AskedBeforeFit {
    private static final double[] WEIGHTS = {0, 0.5, 1.0, 1.5, 2.0, 3.0};

    /** A labelled question of one dev set: its text, its conversation and its sections. */
    private record Labelled(String set, String question, List<Turn> history, List<String> sections) {
        boolean example() {
            return history.isEmpty() && !SPANISH.isSpanish(question);
        }
    }

    private static final SpanishGloss SPANISH = SpanishGloss.fromResources();

    @Test
    void should_choose_the_weight_with_each_dev_set_left_out() throws IOException {
        List<Labelled> all = new ArrayList<>();
        for (String file : List.of("retrieval-dev.json", "everyday-dev.json")) {
            GoldenSets.named(file)
                    .questions()
                    .forEach(q -> all.add(new Labelled(file, q.question(), q.turns(), q.expected())));
        }
        for (String file : List.of("blind-4.json", "blind-5.json", "blind-6.json", "blind-7.json")) {
            BlindSets.read(file).stream()
                    .filter(i -> i.expect().equals("answer"))
                    .forEach(i -> all.add(new Labelled(file, i.question(), i.history(), i.expected())));
        }
        for (String file : List.of(
                "decision-train.json", "decision-train-2.json", "decision-train-4.json", "decision-train-6.json")) {
            all.addAll(decisionSet(file));
        }
        all.addAll(writtenForTheSearch("asked-before-2.json"));
        KiraConfig config = TestKira.sharedConfig();
        TestKira.shared(); // builds the index
        Embedder embedder = EmbeddingModels.load(config.embeddingModel());
        Library library = new Library(config.corpusDir(), new MarkdownDocumentParser());
        List<Labelled> examples = all.stream().filter(Labelled::example).toList();
        List<float[]> vectors =
                embedder.embedPassages(examples.stream().map(Labelled::question).toList());
        Map<String, Integer> hits = new LinkedHashMap<>();
        int measured = 0;
        try (KiraIndex index = KiraIndex.open(config.indexDir())) {
            for (String set : all.stream().map(Labelled::set).distinct().toList()) {
                List<AskedBefore.Example> others = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    if (!examples.get(i).set().equals(set)) {
                        others.add(new AskedBefore.Example(
                                examples.get(i).question(),
                                vectors.get(i),
                                examples.get(i).sections()));
                    }
                }
                List<Labelled> asked =
                        all.stream().filter(l -> l.set().equals(set)).toList();
                measured += asked.size();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s %3d:", set, asked.size()));
                for (double weight : WEIGHTS) {
                    Retriever retriever = ReaderRetriever.over(
                            HybridRetriever.over(
                                    index, embedder, library.synonymsFile(), new AskedBefore(others), with(weight)),
                            SPANISH);
                    int hit = 0;
                    for (Labelled l : asked) {
                        hit += retriever.retrieve(new RetrievalQuery(l.question(), l.history()), 3).passages().stream()
                                        .map(Passage::chunk)
                                        .anyMatch(c -> l.sections().contains(c.sectionKey()))
                                ? 1
                                : 0;
                    }
                    hits.merge(key(weight), hit, Integer::sum);
                    line.append(String.format(Locale.ROOT, "  %s → %d", key(weight), hit));
                }
                System.out.println(line);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "AskedBeforeFit: %d examples of %d labelled questions; search hit@3 of %d, each set left out: %s%n",
                examples.size(),
                all.size(),
                measured,
                hits);
        assertThat(examples).hasSizeGreaterThan(500);
        assertThat(hits.get(key(Tuning.defaults().retrieval().askedBeforeWeight())))
                .isEqualTo(chosen(hits, measured));
        if (Boolean.getBoolean("kira.fit.write")) {
            write(examples);
        }
    }

    /**
     * The smallest weight's count within a quarter of a percent of the best count: past that, more
     * weight only leans harder on the labels for what the folds cannot tell apart.
     */
    private static int chosen(Map<String, Integer> counts, int of) {
        int best = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        return counts.values().stream()
                .filter(c -> c >= best - 0.0025 * of)
                .findFirst()
                .orElseThrow();
    }

    private static String key(double weight) {
        return String.format(Locale.ROOT, "%.1f", weight);
    }

    private static Tuning.Retrieval with(double weight) {
        Tuning.Retrieval r = Tuning.defaults().retrieval();
        return new Tuning.Retrieval(
                r.rrfK(),
                r.bm25Weight(),
                r.vectorWeight(),
                r.sectionBm25Weight(),
                r.sectionVectorWeight(),
                weight,
                r.headingBoost(),
                r.titleBoost(),
                r.historyWeight(),
                r.spellingAccuracy());
    }

    /** A set written for the search alone: visitors' questions over every section, each with its sections. */
    private static List<Labelled> writtenForTheSearch(String file) throws IOException {
        try (InputStream in = AskedBeforeFit.class.getResourceAsStream("/retrieval/" + file)) {
            List<Labelled> out = new ArrayList<>();
            for (JsonNode q : new ObjectMapper().readTree(in).get("questions")) {
                List<String> sections = new ArrayList<>();
                q.get("sections").forEach(s -> sections.add(LibrarySections.resolve(s.asText())));
                out.add(new Labelled(file, q.get("question").asText(), List.of(), sections));
            }
            return out;
        }
    }

    /** The decision set's answerable questions whose sections all resolve to one section of the index each. */
    private static List<Labelled> decisionSet(String file) throws IOException {
        try (InputStream in = AskedBeforeFit.class.getResourceAsStream("/decision/" + file)) {
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode questions = root.isArray() ? root : root.get("questions");
            List<Labelled> out = new ArrayList<>();
            for (JsonNode q : questions) {
                List<String> sections = new ArrayList<>();
                boolean resolved = true;
                for (JsonNode s : q.path("expected_sections")) {
                    String named = s.asText();
                    // The first writers named a section by its heading alone.
                    Optional<String> key = named.contains("#")
                            ? Optional.of(LibrarySections.resolve(named))
                            : LibrarySections.byHeading(named);
                    key.ifPresent(sections::add);
                    resolved &= key.isPresent();
                }
                if (!sections.isEmpty() && resolved) {
                    out.add(new Labelled(file, q.get("question").asText(), List.of(), sections));
                }
            }
            return out;
        }
    }

    private static void write(List<Labelled> examples) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put(
                "about",
                "Written by AskedBeforeFit: the standalone English questions of the dev sets (retrieval-dev,"
                        + " everyday-dev, blind sets 4-7, decision-train, -2, -4, -6, asked-before-2) that the library"
                        + " answers, with"
                        + " the sections that answer them. No held-out or frozen set is here.");
        ArrayNode list = root.putArray("questions");
        Map<String, Boolean> seen = new HashMap<>();
        for (Labelled l : examples) {
            if (seen.putIfAbsent(l.question().toLowerCase(Locale.ROOT).strip(), true) == null) {
                ObjectNode q = list.addObject();
                q.put("question", l.question());
                ArrayNode sections = q.putArray("sections");
                l.sections().forEach(sections::add);
                q.put("set", l.set());
            }
        }
        Files.writeString(
                Path.of("src/main/resources/retrieval/asked-before.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
