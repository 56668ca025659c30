package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The offline answerer behind LangChain4j's chat model interfaces, answering Kira's own prompt. */
class OfflineChatModelTest {
    private static final String BOUNDARY = "0ff1ineb0undary";
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private final OfflineChatModel model = TestKira.shared().offlineChatModel();

    @Test
    void should_answer_from_the_prompts_passages_and_cite_them_by_their_numbers_in_the_prompt() {
        String question = "Can my employer see my therapy records?";
        // The answerer numbers citations in the order it uses them; the reply must use the prompt's numbers.
        List<Passage> passages = TestKira.shared()
                .retriever()
                .retrieve(RetrievalQuery.of(question), 6)
                .passages();

        String text = model.chat(request(question, passages)).aiMessage().text();

        assertThat(text).isNotEqualTo(AnswerPrompt.NOT_IN_LIBRARY).containsPattern("employer");
        for (String sentence : new com.askkira.corpus.SentenceSplitter()
                .split(text).stream().map(s -> s.text()).toList()) {
            Matcher marker = MARKER.matcher(sentence);
            assertThat(marker.find()).as(sentence).isTrue();
            Passage cited = passages.get(Integer.parseInt(marker.group(1)) - 1);
            assertThat(cited.chunk().text()).contains(CitationMarkers.strip(sentence));
        }
    }

    @Test
    void should_reply_not_in_library_when_its_passages_do_not_answer() {
        String question = "does lexapro cause weight gain";
        List<Passage> passages = TestKira.shared()
                .retriever()
                .retrieve(RetrievalQuery.of(question), 6)
                .passages();

        assertThat(model.chat(request(question, passages)).aiMessage().text()).isEqualTo(AnswerPrompt.NOT_IN_LIBRARY);
    }

    @Test
    void should_stream_its_answer_sentence_by_sentence() {
        String question = "Can a subpoena force my therapist to hand over my notes?";
        List<Passage> passages = TestKira.shared()
                .retriever()
                .retrieve(RetrievalQuery.of(question), 6)
                .passages();
        List<String> pieces = new ArrayList<>();
        AtomicReference<ChatResponse> complete = new AtomicReference<>();

        model.chat(request(question, passages), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                pieces.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                complete.set(response);
            }

            @Override
            public void onError(Throwable error) {
                throw new AssertionError(error);
            }
        });

        assertThat(pieces).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", pieces)).isEqualTo(complete.get().aiMessage().text());
    }

    private static ChatRequest request(String question, List<Passage> passages) {
        return ChatRequest.builder()
                .messages(AnswerPrompt.of(question, passages, BOUNDARY).messages(""))
                .build();
    }
}
