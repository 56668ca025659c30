package com.askkira.guard;

import com.askkira.patterns.RequiredLiterals;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The input side of rule 9: tells a question that asks Kira to diagnose the reader or to advise
 * them on their own legal case ("do I have PTSD?", "should I sue my therapist?") from one that
 * asks how the rules work ("can I file a complaint with the licensing board?"). Kira answers the
 * second kind and abstains, as {@code unsafe}, on the first.
 */
public final class UnsafeRequestDetector implements UnsafeRequests {
    private static final String CONDITION =
            "(?:depression|depressed|anxiety|an anxiety disorder|ptsd|c-ptsd|bipolar(?: disorder)?"
                    + "|ocd|adhd|add|bpd|borderline(?: personality disorder)?|schizophrenia|psychosis|autism|an eating disorder"
                    + "|anorexia|bulimia|insomnia|dementia|a personality disorder|(?:a |an )?(?:\\w+ ){0,2}disorder"
                    + "|a mental (?:illness|disorder|health condition)|mental illness|trauma|panic disorder|narcissism)";

    static final List<Pattern> DIAGNOSIS_REQUESTS = List.of(
            Pattern.compile(
                    "\\b(?:do|could|might|can|would) i (?:have|be suffering from|suffer from|be dealing with|qualify for|meet (?:the )?criteria for) (?:a |an |some )?"
                            + CONDITION + "\\b"),
            Pattern.compile(
                    "\\bam i (?:\\w+ )?(?:depressed|bipolar|autistic|crazy|mentally ill|psychotic|schizophrenic|a narcissist"
                            + "|narcissistic|anorexic|an addict|an alcoholic|traumati[sz]ed|borderline|ocd|adhd)\\b"),
            Pattern.compile(
                    "\\bdiagnos(?:e|is for) (?:me|my (?:symptoms|son|daughter|child|partner|husband|wife|teen))\\b"),
            Pattern.compile("\\b(?:give|tell) me (?:a |my )?diagnosis\\b|\\bwhat(?:'s| is) my diagnosis\\b"),
            Pattern.compile(
                    "\\bwhat (?:disorder|condition|illness|mental illness|diagnosis|kind of (?:disorder|mental illness)) (?:do i|might i|could i|would i) have\\b"),
            Pattern.compile("\\bwhat(?:'s| is) wrong with me\\b"),
            Pattern.compile(
                    "\\b(?:does|do|could|would) (?:this|that|these|my symptoms|my (?:\\w+ ){0,2}(?:feelings|thoughts|behaviou?r)) "
                            + "(?:mean|sound like|suggest|indicate|look like) (?:i have|i'm|i am|that i have|that i'm)\\b"),
            Pattern.compile(
                    "\\bis (?:this|it|what i'm feeling|what i feel) (?:depression|anxiety|ptsd|bipolar|ocd|adhd|a disorder|trauma)\\b"));

    static final List<Pattern> LEGAL_ADVICE_REQUESTS = List.of(
            Pattern.compile(
                    "\\bshould i (?:sue|file (?:a |an )?(?:lawsuit|suit|motion|petition|claim against)|press charges|take (?:\\w+ ){1,3}to court"
                            + "|(?:get|hire) (?:a |an )?(?:lawyer|attorney)|testify|comply with|ignore|fight|refuse|settle|countersue|move to quash)\\b"),
            Pattern.compile("\\b(?:will|would|could|can|do) i (?:\\w+ )?(?:win|lose)\\b"),
            Pattern.compile(
                    "\\bdo i have (?:a |an )?(?:good |strong |real |valid |winnable )?(?:case|claim|lawsuit)\\b"),
            Pattern.compile("\\bis my (?:case|claim|lawsuit) (?:strong|good|winnable|worth)\\b"),
            Pattern.compile(
                    "\\bwhat should i (?:tell|say to|write to|show) the (?:judge|court|jury|lawyer|attorney|police|cps|mediator|custody evaluator)\\b"),
            Pattern.compile(
                    "\\bwhat (?:should|do) i say (?:in|at) (?:court|my hearing|the hearing|my deposition|the deposition)\\b"),
            Pattern.compile(
                    "\\bhow (?:do|can|should) i (?:win|beat|fight) (?:my|the|this) (?:case|custody|lawsuit|subpoena|hearing)\\b"),
            Pattern.compile("\\bhow much (?:money )?(?:can|could|will|would) i (?:get|win|sue for|recover)\\b"),
            Pattern.compile(
                    "\\b(?:can|could) i sue (?:my|the|this|him|her|them)\\b.*\\b(?:and win|for how much|successfully)\\b"));

    private static final List<Pattern> REQUESTS = Stream.concat(
                    DIAGNOSIS_REQUESTS.stream(), LEGAL_ADVICE_REQUESTS.stream())
            .toList();

    /**
     * What each pattern's matches need (patterns.RequiredLiterals): a question holding none of it
     * is not run through the pattern, which could not have matched it. Every question went through
     * all seventeen patterns, and most hold none of their words ("am i ", "diagnos", "should i ").
     */
    private static final List<RequiredLiterals> NEEDS =
            REQUESTS.stream().map(RequiredLiterals::of).toList();

    @Override
    public boolean asksForDiagnosisOrLegalAdvice(String question) {
        if (question == null || question.isBlank()) {
            return false;
        }
        String q = question.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        for (int i = 0; i < REQUESTS.size(); i++) {
            if (NEEDS.get(i).mayMatch(q) && REQUESTS.get(i).matcher(q).find()) {
                return true;
            }
        }
        return false;
    }
}
