package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.KiraAnalyzer;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.TermExtractor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Claims the library makes and claims it does not, scored against the passages retrieval finds for them. */
class SupportScorerTest {
    @Test
    void should_tell_claims_the_library_makes_from_claims_it_does_not() throws IOException {
        SupportScorer scorer = new SupportScorer(
                EmbeddingModels.load(EmbeddingModels.BGE_SMALL), new TermExtractor(KiraAnalyzer.forIndexing()));
        JsonNode claims;
        try (InputStream in = getClass().getResourceAsStream("/guard/grounding-claims.json")) {
            claims = new ObjectMapper().readTree(in).get("claims");
        }
        int truePositives = 0, falsePositives = 0, supportedClaims = 0, unsupportedClaims = 0;
        for (JsonNode c : claims) {
            String text = c.get("claim").asText();
            SupportScorer.Claim claim = scorer.claim(text);
            double best = 0;
            for (Passage p : TestKira.shared().retriever().retrieve(RetrievalQuery.of(text), 3).passages()) {
                best = Math.max(best, scorer.support(claim, p));
            }
            boolean judgedSupported = best >= SupportScorer.SUPPORTED;
            if (c.get("supported").asBoolean()) {
                supportedClaims++;
                truePositives += judgedSupported ? 1 : 0;
            } else {
                unsupportedClaims++;
                falsePositives += judgedSupported ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  %.3f %s %s%n", best, c.get("supported").asBoolean() ? "+" : "-", text);
        }
        double recall = (double) truePositives / supportedClaims;
        double falseSupport = (double) falsePositives / unsupportedClaims;
        System.out.printf(Locale.ROOT, "Support scoring: supported claims recognised %.2f, unsupported claims passed %.2f%n",
                recall, falseSupport);

        assertThat(recall).isGreaterThanOrEqualTo(0.80);
        assertThat(falseSupport).isLessThanOrEqualTo(0.20);
    }
}
