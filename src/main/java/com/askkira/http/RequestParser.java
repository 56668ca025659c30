package com.askkira.http;

import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.BlankText;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.TextLength;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a JSON body into a request, strictly: the body is one JSON value in UTF-8 ({@link
 * JsonText}), a number where text belongs is an error, not text, text with a control character is
 * refused ({@link ControlCharacters}), and every message says which field is wrong.
 */
public final class RequestParser {
    private final JsonText json;

    public RequestParser(ObjectMapper json) {
        this.json = new JsonText(json);
    }

    /** A {@code POST /v1/answers} body, or the same fields from another face (an MCP tool's arguments). */
    public AnswerRequest answerRequest(byte[] body) {
        JsonNode root = object(body);
        JsonNode question = root.get("question");
        if (question == null || question.isNull()) {
            throw new KiraException.InvalidRequest("'question' is required");
        }
        if (!question.isTextual()) {
            throw new KiraException.InvalidRequest("'question' must be a string");
        }
        return new AnswerRequest(
                ControlCharacters.refuse("question", question.textValue()), history(root.get("history")));
    }

    /** {@code POST /v1/grounding}: the answer text to check, and the question it answers, if given. */
    record GroundingRequest(String answer, String question) {}

    /**
     * A grounding body. A blank answer is refused here, before any limit or work, with the message
     * the grounding service gives; a blank question is no question, as an empty one always was, and
     * a question has the limit of {@code POST /v1/answers}' question.
     */
    GroundingRequest grounding(byte[] body) {
        JsonNode root = object(body);
        JsonNode answer = root.get("answer");
        JsonNode question = root.get("question");
        if (answer == null || !answer.isTextual()) {
            throw new KiraException.InvalidRequest("'answer' is required and must be a string");
        }
        if (question != null && !question.isNull() && !question.isTextual()) {
            throw new KiraException.InvalidRequest("'question' must be a string");
        }
        String text = ControlCharacters.refuse("answer", answer.textValue());
        if (BlankText.isBlank(text)) {
            throw new KiraException.InvalidRequest("'answer' is required and must not be empty");
        }
        String asked = question == null ? null : ControlCharacters.refuse("question", question.textValue());
        return new GroundingRequest(text, BlankText.isBlank(asked) ? null : AnswerRequest.withinLimit(asked));
    }

    Feedback feedback(byte[] body) {
        JsonNode root = object(body);
        JsonNode answerId = root.get("answerId");
        JsonNode rating = root.get("rating");
        JsonNode comment = root.get("comment");
        if (answerId == null || !answerId.isTextual() || !answerId.textValue().matches("ans_[0-9a-f]{1,64}")) {
            throw new KiraException.InvalidRequest("'answerId' must be the id of an answer (ans_…)");
        }
        if (rating == null || !rating.isTextual() || !Set.of("up", "down").contains(rating.textValue())) {
            throw new KiraException.InvalidRequest("'rating' must be \"up\" or \"down\"");
        }
        if (comment != null
                && !comment.isNull()
                && (!comment.isTextual() || TextLength.of(comment.textValue()) > 2_000)) {
            throw new KiraException.InvalidRequest("'comment' must be a string of at most 2000 characters");
        }
        return new Feedback(
                answerId.textValue(),
                rating.textValue(),
                comment == null || comment.isNull() ? null : ControlCharacters.refuse("comment", comment.textValue()));
    }

    JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = json.read(body);
        } catch (CharacterCodingException e) {
            throw new KiraException.InvalidRequest("the body is not valid UTF-8");
        } catch (JacksonException e) {
            throw new KiraException.InvalidRequest("the body is not valid JSON");
        }
        if (!root.isObject()) {
            throw new KiraException.InvalidRequest("the body must be a JSON object");
        }
        return root;
    }

    private static List<Turn> history(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new KiraException.InvalidRequest("'history' must be an array of {role, content} turns");
        }
        if (node.size() > AnswerRequest.MAX_TURNS) {
            throw new KiraException.InvalidRequest(
                    "'history' has " + node.size() + " turns; the limit is " + AnswerRequest.MAX_TURNS);
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode turn : node) {
            JsonNode role = turn.get("role");
            JsonNode content = turn.get("content");
            if (!turn.isObject() || role == null || !role.isTextual() || content == null || !content.isTextual()) {
                throw new KiraException.InvalidRequest("each 'history' turn needs a string 'role' and 'content'");
            }
            turns.add(new Turn(role(role.textValue()), ControlCharacters.refuse("history", content.textValue())));
        }
        return turns;
    }

    private static Turn.Role role(String role) {
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "user" -> Turn.Role.USER;
            case "assistant" -> Turn.Role.ASSISTANT;
            default -> throw new KiraException.InvalidRequest("a 'history' role is 'user' or 'assistant'");
        };
    }
}
