package com.askkira.answer;

import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.HybridRetriever;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline extractive answerer as a LangChain4j chat model, blocking and streaming. It reads a
 * prompt laid out by {@link NumberedPassageInjector} (numbered, fenced passages, each naming its
 * passage id, then the fenced question), answers from exactly those passages with library
 * sentences, and cites them by their numbers in the prompt; it replies
 * {@link AnswerPrompt#NOT_IN_LIBRARY} when they do not answer. A LangChain4j AI service built on it
 * runs with no network and no key, through the same retriever, prompt and guardrails as one on a
 * real model; streamed, the answer arrives sentence by sentence.
 */
public final class OfflineChatModel implements ChatModel, StreamingChatModel {
    private static final Pattern PASSAGE =
            Pattern.compile("<<<PASSAGE \\[(\\d{1,3})] ([0-9a-zA-Z]{8,})>>>\\n(?:.*\\n){0,2}?Passage id: (\\S+)\\n");

    private final OfflineDrafter drafter;
    private final HybridRetriever retriever;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public OfflineChatModel(OfflineAnswerer answerer, HybridRetriever retriever) {
        this.drafter = new OfflineDrafter(answerer);
        this.retriever = retriever;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(reply(request.messages())))
                .build();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        try {
            String text = reply(request.messages());
            List<Sentence> sentences = splitter.split(text);
            for (int i = 0; i < sentences.size(); i++) {
                int to = i + 1 < sentences.size() ? sentences.get(i + 1).start() : text.length();
                handler.onPartialResponse(
                        text.substring(i == 0 ? 0 : sentences.get(i).start(), to));
            }
            handler.onCompleteResponse(
                    ChatResponse.builder().aiMessage(AiMessage.from(text)).build());
        } catch (RuntimeException e) {
            handler.onError(e);
        }
    }

    /** The answer to the last user message: cited library sentences, or NOT_IN_LIBRARY. */
    private String reply(List<ChatMessage> messages) {
        String prompt = messages.stream()
                .filter(m -> m instanceof UserMessage u && u.hasSingleText())
                .map(m -> ((UserMessage) m).singleText())
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalArgumentException("no user message to answer"));
        List<String> ids = new ArrayList<>();
        String boundary = null;
        Matcher passage = PASSAGE.matcher(prompt);
        while (passage.find()) {
            boundary = boundary == null ? passage.group(2) : boundary;
            if (passage.group(2).equals(boundary) && Integer.parseInt(passage.group(1)) == ids.size() + 1) {
                ids.add(passage.group(3));
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException("the prompt has no numbered passages to answer from");
        }
        Matcher question = Pattern.compile(
                        "<<<QUESTION " + boundary + ">>>\\n([\\s\\S]*?)\\n<<<END QUESTION " + boundary + ">>>")
                .matcher(prompt);
        if (!question.find()) {
            throw new IllegalArgumentException("the prompt has no question");
        }
        return drafter.text(
                question.group(1).strip(), retriever.over(question.group(1).strip(), ids));
    }

    // Both LangChain4j interfaces give these defaults; the model has no settings or listeners of its own.

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().build();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of();
    }
}
