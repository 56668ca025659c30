package com.askkira.openai;

import com.askkira.answer.Citation;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.BlankText;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.TextLength;
import com.askkira.retrieval.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * Between OpenAI's chat shapes and Kira's: a conversation becomes an {@link AnswerRequest}, and an
 * {@link AnswerResponse} becomes the text a chat UI shows, the answer and its sources.
 */
public final class ChatTranslator {
    private ChatTranslator() {}

    /**
     * The last message, which must be the user's, is the question; the user and assistant messages
     * before it are the history, with the limits of {@code history}. System messages are dropped:
     * Kira's instructions are its own, and a caller's are never obeyed.
     */
    public static AnswerRequest question(ChatCompletionRequest request) {
        List<ChatMessage> conversation = request.messages().stream()
                .filter(m -> m.role() != ChatMessage.Role.SYSTEM)
                .toList();
        if (conversation.isEmpty() || conversation.getLast().role() != ChatMessage.Role.USER) {
            throw new KiraException.InvalidRequest(
                    "the last message (system messages aside) must be the user's question");
        }
        String question = conversation.getLast().content().strip();
        if (BlankText.isBlank(question)) {
            throw new KiraException.InvalidRequest("the last 'user' message must not be empty");
        }
        int length = TextLength.of(question);
        if (length > AnswerRequest.MAX_QUESTION_CHARS) {
            throw new KiraException.InvalidRequest("the last 'user' message is " + length + " characters; the limit is "
                    + AnswerRequest.MAX_QUESTION_CHARS);
        }
        List<ChatMessage> earlier = conversation.subList(0, conversation.size() - 1);
        if (earlier.size() > AnswerRequest.MAX_TURNS) {
            throw new KiraException.InvalidRequest("'messages' holds " + earlier.size()
                    + " user and assistant messages before the question; the limit is " + AnswerRequest.MAX_TURNS);
        }
        List<Turn> history = new ArrayList<>();
        for (ChatMessage message : earlier) {
            if (TextLength.of(message.content()) > AnswerRequest.MAX_TURN_CHARS) {
                throw new KiraException.InvalidRequest(
                        "a message before the question is over " + AnswerRequest.MAX_TURN_CHARS + " characters");
            }
            history.add(new Turn(
                    message.role() == ChatMessage.Role.USER ? Turn.Role.USER : Turn.Role.ASSISTANT, message.content()));
        }
        return new AnswerRequest(question, history);
    }

    /** The message a chat UI shows: the answer with its {@code [n]} markers, then its sources. */
    public static String content(AnswerResponse response, String origin) {
        return response.answer() + sources(response, origin);
    }

    /**
     * {@code "\n\nSources:\n[1] section — title, url"}, a line per citation; empty when the answer
     * cites nothing (an abstention, crisis support).
     */
    public static String sources(AnswerResponse response, String origin) {
        if (response.citations().isEmpty()) {
            return "";
        }
        StringBuilder sources = new StringBuilder("\n\nSources:");
        for (Citation citation : response.citations()) {
            sources.append("\n[")
                    .append(citation.n())
                    .append("] ")
                    .append(citation.section())
                    .append(" — ")
                    .append(citation.title())
                    .append(", ")
                    .append(url(citation, origin));
        }
        return sources.toString();
    }

    /** The sources' URLs in citation order, one per citation, so {@code [n]} is the n-th. */
    public static List<String> citationUrls(AnswerResponse response, String origin) {
        return response.citations().stream().map(c -> url(c, origin)).toList();
    }

    /**
     * A chat UI shows the link away from the site, so the library's site-relative URL is made
     * absolute against the origin the client called.
     */
    private static String url(Citation citation, String origin) {
        return citation.url().startsWith("/") ? origin + citation.url() : citation.url();
    }
}
