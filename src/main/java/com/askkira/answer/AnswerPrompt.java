package com.askkira.answer;

import com.askkira.retrieval.Passage;
import com.askkira.retrieval.PassageContent;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.rag.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The two messages a model answers from: the rules (prompts/system.txt) and the numbered passages
 * with the question (prompts/user.txt, each passage laid out by prompts/passage.txt). Passages and
 * question sit between markers carrying a per-request {@code boundary} that is struck from the text
 * they enclose, so a question cannot close its own block and pose as instructions or a passage.
 */
public record AnswerPrompt(String system, String user) {
    /** The whole reply of a model whose passages do not answer the question. */
    public static final String NOT_IN_LIBRARY = "NOT_IN_LIBRARY";

    private static final String SYSTEM = resource("/prompts/system.txt");
    // LangChain4j's templates fill {{name}} in one pass: a value that itself holds {{…}} (a question
    // quoting the prompt) is never filled again.
    private static final PromptTemplate SYSTEM_TEMPLATE = PromptTemplate.from(SYSTEM);
    private static final PromptTemplate USER_TEMPLATE = PromptTemplate.from(resource("/prompts/user.txt"));
    private static final PromptTemplate PASSAGE_TEMPLATE = PromptTemplate.from(resource("/prompts/passage.txt"));

    public AnswerPrompt {
        if (system.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException("both messages are needed");
        }
    }

    /** The instructions every model is given, as written (before the per-request boundary is filled in). */
    public static String instructions() {
        return SYSTEM;
    }

    /** Renders the messages for {@code passages}, numbered from 1 in the order given. */
    public static AnswerPrompt of(String question, List<Passage> passages, String boundary) {
        // The injector checks the boundary (at least 8 letters or digits) before anything is filled in.
        UserMessage user = (UserMessage)
                new NumberedPassageInjector(boundary).inject(PassageContent.of(passages), UserMessage.from(question));
        String system = fill(SYSTEM_TEMPLATE, Map.of("boundary", boundary));
        return new AnswerPrompt(system.strip(), user.singleText());
    }

    /** The user message: the passages laid out one by one, then the question, each fenced by {@code boundary}. */
    static String user(List<Content> contents, String question, String boundary) {
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            var segment = contents.get(i).textSegment();
            if (i > 0) {
                blocks.append('\n');
            }
            blocks.append(fill(
                    PASSAGE_TEMPLATE,
                    Map.of(
                            "n", Integer.toString(i + 1),
                            "boundary", boundary,
                            "title", strip(metadata(segment, PassageContent.TITLE), boundary),
                            "section", strip(metadata(segment, PassageContent.SECTION), boundary),
                            "id", strip(metadata(segment, PassageContent.CHUNK_ID), boundary),
                            "text", strip(segment.text(), boundary))));
        }
        return fill(
                        USER_TEMPLATE,
                        Map.of(
                                "passages", blocks.toString().strip(),
                                "boundary", boundary,
                                "question", strip(question, boundary).strip()))
                .strip();
    }

    private static String metadata(TextSegment segment, String key) {
        String value = segment.metadata().getString(key);
        return value == null ? "" : value;
    }

    /**
     * The system and user messages; a redraft's user message ends with why the previous answer was
     * rejected ({@code rejectedBecause}, blank for a first attempt).
     */
    public List<ChatMessage> messages(String rejectedBecause) {
        String text = rejectedBecause.isBlank()
                ? user
                : user + "\n\nYour previous answer to this question was rejected: " + rejectedBecause
                        + ". Answer again, following every rule.";
        return List.of(SystemMessage.from(system), UserMessage.from(text));
    }

    /** Fresh boundaries: 24 hex digits from a secure random source, so no question can guess one. */
    public static Supplier<String> randomBoundaries() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }

    /** Removes every occurrence of {@code boundary}, including ones the removal itself would join. */
    static String strip(String text, String boundary) {
        Pattern token = Pattern.compile(Pattern.quote(boundary), Pattern.CASE_INSENSITIVE);
        String stripped = text;
        for (String before = null; !stripped.equals(before); ) {
            before = stripped;
            stripped = token.matcher(stripped).replaceAll("");
        }
        return stripped;
    }

    private static String fill(PromptTemplate template, Map<String, String> values) {
        return template.apply(new HashMap<String, Object>(values)).text();
    }

    private static String resource(String name) {
        try (InputStream in = AnswerPrompt.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
