package com.askkira.bench;

import com.askkira.pipeline.AnswerRequest;
import com.askkira.retrieval.RetrievalQuery;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One question's stages, each timed alone (bench/jmh.sh runs them). Questions cycle through the
 * golden sets and, where a stage sees the question's text, carry a counter as the load benchmark's
 * do ("Question 12: ..."), so no cache of question vectors answers them; the extractive answer and
 * the guardrail chain work on passages retrieved once in setup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class StageBenchmarks {

    /** Each benchmark thread's place in the inputs. */
    @State(Scope.Thread)
    public static class Cursor {
        long n;

        int next(int size) {
            return (int) (n++ % size);
        }

        String unique(List<String> questions) {
            int i = next(questions.size());
            return "Question " + n + ": " + questions.get(i);
        }
    }

    /** The embedding model on one question, as retrieval embeds it. */
    @Benchmark
    public float[] embedQuestion(KiraStages k, Cursor c) {
        k.counted();
        return k.embedder.embedQuery(c.unique(k.questions));
    }

    /** Redaction, the crisis screen (patterns and embedding) and declined requests, on one question. */
    @Benchmark
    public Object inputScreen(KiraStages k, Cursor c) {
        k.counted();
        return k.screen.screen(c.unique(k.questions), List.of());
    }

    /** BM25 and vector search fused, six passages (the question embedded inside, as it is served). */
    @Benchmark
    public Object hybridSearch(KiraStages k, Cursor c) {
        k.counted();
        return k.retriever.retrieve(RetrievalQuery.of(c.unique(k.questions)), 6);
    }

    /** The offline answerer quoting the sentences that answer, from passages already retrieved. */
    @Benchmark
    public Object extractiveAnswer(KiraStages k, Cursor c) {
        k.counted();
        KiraStages.Retrieved r = k.retrieved.get(c.next(k.retrieved.size()));
        return k.offline.answer(r.question(), r.retrieval());
    }

    /** Every output check (citations, grounding, limits, advice, leak) on one model-written answer. */
    @Benchmark
    public Object guardrailChain(KiraStages k, Cursor c) {
        k.counted();
        KiraStages.Judged j = k.judged.get(c.next(k.judged.size()));
        return k.kira.outputGuardrail().validate(j.question(), j.answer(), j.passages());
    }

    /** The whole answer path in process, as POST /v1/answers runs it without HTTP. */
    @Benchmark
    public Object wholeAnswer(KiraStages k, Cursor c) {
        k.counted();
        return k.kira.answers().answer(new AnswerRequest(c.unique(k.questions), List.of()));
    }
}
