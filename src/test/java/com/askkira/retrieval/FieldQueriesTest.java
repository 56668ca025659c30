package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.SampleTexts;
import com.askkira.index.IndexFields;
import com.askkira.index.KiraAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class FieldQueriesTest {
    private static final List<String> FIELDS =
            List.of(IndexFields.TEXT, IndexFields.HEADINGS, IndexFields.TITLE, IndexFields.SECTION_TEXT);

    @Test
    void should_build_for_every_field_from_one_analysis_the_query_each_field_would_build_alone() {
        // Every sample text (questions, histories, the library's sentences, model-written answers),
        // each joined to the next two, and questions with the load benchmark's counter: the shared
        // analysis gives, field by field, the very query (Query.equals: terms, synonyms, graph
        // branches, boosts) and the same term groups as analysing the text again for each.
        Analyzer analyzer = KiraAnalyzer.forQueries(Path.of("corpus/synonyms.txt"));
        FieldQueries shared = new FieldQueries(analyzer);
        QueryBuilder alone = new QueryBuilder(analyzer);
        TermExtractor terms = new TermExtractor(analyzer);
        List<String> texts = new ArrayList<>(SampleTexts.all());
        texts.addAll(SampleTexts.joinedInThrees());
        SampleTexts.all().stream().limit(500).map(t -> "Question 1234: " + t).forEach(texts::add);
        texts.addAll(List.of("", "   ", "the of and", "?!", "take the stand", "mental health professional"));
        int withSynonymGraphs = 0;
        for (String text : texts) {
            FieldQueries.Analysed analysed = shared.should(text, FIELDS);
            for (String field : FIELDS) {
                Query expected = alone.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
                assertThat(analysed.queries().get(field))
                        .as(field + ": " + text)
                        .isEqualTo(expected);
            }
            assertThat(analysed.termGroups()).as(text).isEqualTo(terms.termGroups(text));
            withSynonymGraphs += analysed.termGroups().stream().anyMatch(g -> g.size() > 1) ? 1 : 0;
        }
        assertThat(texts).hasSizeGreaterThan(5_000);
        assertThat(withSynonymGraphs).as("texts whose analysis has synonyms").isGreaterThan(100);
    }
}
