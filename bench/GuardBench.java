import com.askkira.Kira;
import com.askkira.config.KiraConfig;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The output guardrail's cost on model-written answers: every answer of the blind-written limits
 * sets (good and bad, 1 to 5 sentences, paraphrases rather than quotes, so each sentence is
 * embedded and scored), checked against the passages retrieval finds for its question. Prints the
 * time per answer (median, p90, p99) after a warm-up.
 *
 * Usage: java -cp target/classes:DEPENDENCIES bench/GuardBench.java INDEX_DIR
 */
public class GuardBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> env = Map.of("KIRA_CORPUS_DIR", "corpus", "KIRA_INDEX_DIR", args[0]);
        try (Kira kira = Kira.start(KiraConfig.fromEnvironment(env), new PrintStream(PrintStream.nullOutputStream()))) {
            record Answer(String question, String text, List<Passage> passages) {}
            List<Answer> answers = new ArrayList<>();
            for (String set : List.of("limits-fresh-tune", "limits-fresh-holdout")) {
                JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/guard/" + set + ".json")));
                for (JsonNode a : root.get("answers")) {
                    String question = a.get("question").asText();
                    answers.add(new Answer(question, a.get("answer").asText(), kira.retriever().retrieve(RetrievalQuery.of(question), 6).passages()));
                }
            }
            var guardrail = kira.outputGuardrail();
            for (int warm = 0; warm < 3; warm++) {
                answers.forEach(a -> guardrail.validate(a.question(), a.text(), a.passages()));
            }
            int rounds = 5;
            long[] micros = new long[answers.size() * rounds];
            int passed = 0;
            int i = 0;
            for (int round = 0; round < rounds; round++) {
                for (Answer a : answers) {
                    long start = System.nanoTime();
                    OutputGuardrailResult result = guardrail.validate(a.question(), a.text(), a.passages());
                    micros[i++] = (System.nanoTime() - start) / 1_000;
                    passed += round == 0 && result.isSuccess() ? 1 : 0;
                }
            }
            Arrays.sort(micros);
            System.out.printf("guardrail per model answer (%d answers x %d rounds): median %.2f ms, p90 %.2f ms, p99 %.2f ms;"
                            + " %d of %d passed as written%n",
                    answers.size(), rounds, micros[micros.length / 2] / 1000.0, micros[micros.length * 9 / 10] / 1000.0,
                    micros[micros.length * 99 / 100] / 1000.0, passed, answers.size());
        }
    }
}
