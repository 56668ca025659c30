package com.askkira.guard;

import com.askkira.privacy.PiiRedactor;
import com.askkira.privacy.Redaction;
import com.askkira.retrieval.Turn;
import com.askkira.safety.CrisisAssessment;
import com.askkira.safety.CrisisMessage;
import com.askkira.safety.CrisisScreen;
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
    private final PiiRedactor redactor;
    private final CrisisScreen crisis;

    public ReaderInputGuardrail(PiiRedactor redactor, CrisisScreen crisis) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.crisis = Objects.requireNonNull(crisis, "crisis");
    }

    @Override
    public InputGuardrailResult validate(InputGuardrailRequest request) {
        UserMessage message = request.userMessage();
        String text = message.hasSingleText() ? message.singleText() : "";
        Redaction redacted = redactor.redact(text);
        CrisisAssessment risk =
                crisis.assess(redacted.text(), history(request.requestParams().chatMemory(), message));
        if (risk.crisis()) {
            return fatal(CrisisMessage.lead(risk.kinds()));
        }
        if (UnsafeRequestDetector.asksForDiagnosisOrLegalAdvice(redacted.text())) {
            return fatal("Kira gives general information only: it cannot diagnose anyone or advise on a reader's own"
                    + " legal case. A licensed clinician or a lawyer can.");
        }
        return redacted.changed() ? successWith(redacted.text()) : success();
    }

    /** The reader's earlier messages, redacted too, without the one being checked. */
    private List<Turn> history(ChatMemory memory, UserMessage current) {
        List<Turn> turns = new ArrayList<>();
        if (memory == null) {
            return turns;
        }
        for (ChatMessage m : memory.messages()) {
            if (m instanceof UserMessage user && user.hasSingleText() && !user.equals(current)) {
                turns.add(new Turn(
                        Turn.Role.USER, redactor.redact(user.singleText()).text()));
            }
        }
        return turns;
    }
}
