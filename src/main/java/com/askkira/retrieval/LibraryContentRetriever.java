package com.askkira.retrieval;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Kira's hybrid Lucene retrieval as a LangChain4j {@link ContentRetriever}: the query's text, with
 * the conversation in its metadata for follow-ups, gives the best {@code maxResults} library
 * passages as {@link PassageContent}. It serves {@code /v1/search} and plugs into any LangChain4j
 * retrieval augmentor.
 */
public final class LibraryContentRetriever implements ContentRetriever {
    private final Retriever retriever;
    private final int maxResults;

    public LibraryContentRetriever(Retriever retriever, int maxResults) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1");
        }
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return PassageContent.of(retriever
                .retrieve(new RetrievalQuery(query.text(), history(query)), maxResults)
                .passages());
    }

    /** The reader's and the assistant's earlier turns, from the query's chat memory when it has one. */
    private static List<Turn> history(Query query) {
        if (query.metadata() == null || query.metadata().chatMemory() == null) {
            return List.of();
        }
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage message : query.metadata().chatMemory()) {
            if (message instanceof UserMessage user
                    && user.hasSingleText()
                    && !user.singleText().equals(query.text())) {
                turns.add(new Turn(Turn.Role.USER, user.singleText()));
            } else if (message instanceof AiMessage ai && ai.text() != null) {
                turns.add(new Turn(Turn.Role.ASSISTANT, ai.text()));
            }
        }
        return turns;
    }
}
