package com.askkira.guard;

import com.askkira.language.SpanishGloss;
import com.askkira.privacy.PiiRedactor;
import com.askkira.privacy.Redaction;
import com.askkira.retrieval.Turn;
import com.askkira.safety.CrisisScreen;
import java.util.List;
import java.util.Objects;

/**
 * Everything Kira checks in a reader's message before anything else sees it, in this order:
 * personal data is redacted (nothing after this step sees names, numbers or addresses), then the
 * conversation is screened for crisis, then for a request Kira declines. Used by Kira's own pipeline
 * and by the LangChain4j input guardrail alike.
 */
public final class InputScreen {
    private final PiiRedactor redactor;
    private final CrisisScreen crisis;
    private final UnsafeRequests unsafe;
    private final SpanishGloss spanish;

    public InputScreen(PiiRedactor redactor, CrisisScreen crisis, UnsafeRequests unsafe, SpanishGloss spanish) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.crisis = Objects.requireNonNull(crisis, "crisis");
        this.unsafe = Objects.requireNonNull(unsafe, "unsafe");
        this.spanish = Objects.requireNonNull(spanish, "spanish");
    }

    public ScreenedInput screen(String question, List<Turn> history) {
        Redaction redacted = redactor.redact(question);
        List<Turn> turns = history.stream()
                .map(t -> new Turn(t.role(), redactor.redact(t.content()).text()))
                .toList();
        return new ScreenedInput(
                redacted.text(),
                turns,
                redacted.changed(),
                crisis.assess(redacted.text(), turns),
                unsafe.asksForDiagnosisOrLegalAdvice(redacted.text()),
                spanish.isSpanish(redacted.text()));
    }
}
