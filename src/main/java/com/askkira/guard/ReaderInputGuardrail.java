package com.askkira.guard;

import com.askkira.retrieval.Turn;
import com.askkira.safety.CrisisMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailRequest;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.memory.ChatMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Kira's input side as a LangChain4j {@link InputGuardrail}: the reader's names, numbers and
 * addresses are redacted before the message goes anywhere; a message that signals risk of harm now
 * (judged with the earlier turns in the chat memory) stops the call with the support message and
 * help lines as its reason; a request for a diagnosis or for advice on the reader's own legal case
 * stops it too. No model is asked in either case.
 */
public final class ReaderInputGuardrail implements InputGuardrail {
    private final InputScreen screen;

    public ReaderInputGuardrail(InputScreen screen) {
        this.screen = Objects.requireNonNull(screen, "screen");
    }

    @Override
    public InputGuardrailResult validate(InputGuardrailRequest request) {
        UserMessage message = request.userMessage();
        String text = message.hasSingleText() ? message.singleText() : "";
        ScreenedInput screened =
                screen.screen(text, history(request.requestParams().chatMemory(), message));
        if (screened.risk().crisis()) {
            return fatal(CrisisMessage.lead(screened.risk().kinds()));
        }
        if (screened.unsafeRequest()) {
            return fatal("Kira gives general information only: it cannot diagnose anyone or advise on a reader's own"
                    + " legal case. A licensed clinician or a lawyer can.");
        }
        return screened.redacted() ? successWith(screened.question()) : success();
    }

    /** The reader's earlier messages, without the one being checked (the screen redacts them). */
    private static List<Turn> history(ChatMemory memory, UserMessage current) {
        List<Turn> turns = new ArrayList<>();
        if (memory == null) {
            return turns;
        }
        for (ChatMessage m : memory.messages()) {
            if (m instanceof UserMessage user && user.hasSingleText() && !user.equals(current)) {
                turns.add(new Turn(Turn.Role.USER, user.singleText()));
            }
        }
        return turns;
    }
}
