package com.askkira.cli;

import com.askkira.answer.Citation;
import com.askkira.pipeline.AnswerResponse;
import java.io.PrintStream;

/** Prints an answer as a reader wants it: the text, then its numbered sources. */
final class AnswerPrinter {
    private AnswerPrinter() {}

    static void print(AnswerResponse response, PrintStream out) {
        out.println(response.answer());
        if (response.degraded()) {
            out.println();
            out.println("(The configured model did not answer; this is Kira's offline answer.)");
        }
        if (response.citations().isEmpty() && !response.abstained()) {
            return;
        }
        if (response.abstained()) {
            out.println();
            out.println("(Not answered: " + response.abstainReason().wireName() + ")");
            return;
        }
        out.println();
        out.println("Sources");
        for (Citation c : response.citations()) {
            out.printf("[%d] %s — %s%n", c.n(), c.title(), c.section());
            out.printf("    \"%s\"%n", c.quote());
            out.printf("    %s (%s; updated %s; reviewed by %s)%n", c.url(), c.type(), c.lastUpdated(), c.reviewedBy());
        }
    }
}
