package com.askkira.guard;

import com.askkira.TestKira;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * A grounding claim set ({@code guard/grounding-*.json}: claims the library makes and claims it
 * does not) judged as the grounded check judges a sentence: quoted by, or supported by, a passage
 * retrieval finds for it, with no strong word that passage lacks.
 */
record ClaimTally(int supported, int recognised, int unsupported, int passed) {
    private static final Overstatement OVERSTATEMENT = new Overstatement();

    /** @param supports whether a passage supports a claim's text (strong words are checked here) */
    static ClaimTally of(String set, BiPredicate<String, Passage> supports) throws IOException {
        JsonNode claims;
        try (InputStream in = ClaimTally.class.getResourceAsStream("/guard/" + set + ".json")) {
            claims = new ObjectMapper().readTree(in).get("claims");
        }
        int supported = 0, recognised = 0, unsupported = 0, passed = 0;
        for (JsonNode c : claims) {
            boolean judged = judged(c.get("claim").asText(), supports);
            if (c.get("supported").asBoolean()) {
                supported++;
                recognised += judged ? 1 : 0;
            } else {
                unsupported++;
                passed += judged ? 1 : 0;
            }
        }
        return new ClaimTally(supported, recognised, unsupported, passed);
    }

    String line(String check, String set) {
        return String.format(
                Locale.ROOT,
                "%s on %s: supported claims recognised %.3f (%d/%d), unsupported claims passed %.3f (%d/%d)",
                check,
                set,
                (double) recognised / supported,
                recognised,
                supported,
                (double) passed / unsupported,
                passed,
                unsupported);
    }

    private static boolean judged(String text, BiPredicate<String, Passage> supports) {
        // A claim is not a visitor's question: the questions asked before have no say in its search.
        for (Passage p : TestKira.shared()
                .retriever()
                .withoutAskedBefore()
                .retrieve(RetrievalQuery.of(text), 6)
                .passages()) {
            if (p.chunk().text().contains(text)
                    || (supports.test(text, p)
                            && OVERSTATEMENT.beyond(text, p.chunk().text()).isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
