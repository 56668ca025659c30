import com.askkira.Kira;
import com.askkira.config.KiraConfig;
import com.askkira.retrieval.PassageContent;
import com.askkira.retrieval.RetrievalQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.ChatExecutor;
import dev.langchain4j.guardrail.GuardrailRequestParams;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.rag.AugmentationResult;
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
    /** The bench measures one check per answer; a reprompt would be the model's time, not the guard's. */
    private static final ChatExecutor NO_REPROMPT = new ChatExecutor() {
        @Override
        public ChatResponse execute() {
            throw new UnsupportedOperationException("no model in this bench");
        }

        @Override
        public ChatResponse execute(List<ChatMessage> messages) {
            throw new UnsupportedOperationException("no model in this bench");
        }
    };

    public static void main(String[] args) throws Exception {
        Map<String, String> env = Map.of("KIRA_CORPUS_DIR", "corpus", "KIRA_INDEX_DIR", args[0]);
        try (Kira kira = Kira.start(KiraConfig.fromEnvironment(env), new PrintStream(PrintStream.nullOutputStream()))) {
            List<OutputGuardrailRequest> requests = new ArrayList<>();
            for (String set : List.of("limits-fresh-tune", "limits-fresh-holdout")) {
                JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/guard/" + set + ".json")));
                for (JsonNode a : root.get("answers")) {
                    String question = a.get("question").asText();
                    var passages = kira.retriever().retrieve(RetrievalQuery.of(question), 6).passages();
                    requests.add(OutputGuardrailRequest.builder()
                            .responseFromLLM(ChatResponse.builder().aiMessage(AiMessage.from(a.get("answer").asText())).build())
                            .chatExecutor(NO_REPROMPT)
                            .requestParams(GuardrailRequestParams.builder()
                                    .userMessageTemplate(question)
                                    .variables(Map.of())
                                    .augmentationResult(new AugmentationResult(UserMessage.from(question), PassageContent.of(passages)))
                                    .build())
                            .build());
                }
            }
            var guardrail = kira.outputGuardrail();
            for (int warm = 0; warm < 3; warm++) {
                requests.forEach(guardrail::validate);
            }
            int rounds = 5;
            long[] micros = new long[requests.size() * rounds];
            int passed = 0;
            int i = 0;
            for (int round = 0; round < rounds; round++) {
                for (OutputGuardrailRequest request : requests) {
                    long start = System.nanoTime();
                    OutputGuardrailResult result = guardrail.validate(request);
                    micros[i++] = (System.nanoTime() - start) / 1_000;
                    passed += round == 0 && result.isSuccess() ? 1 : 0;
                }
            }
            Arrays.sort(micros);
            System.out.printf("guardrail per model answer (%d answers x %d rounds): median %.2f ms, p90 %.2f ms, p99 %.2f ms;"
                            + " %d of %d passed as written%n",
                    requests.size(), rounds, micros[micros.length / 2] / 1000.0, micros[micros.length * 9 / 10] / 1000.0,
                    micros[micros.length * 99 / 100] / 1000.0, passed, requests.size());
        }
    }
}
