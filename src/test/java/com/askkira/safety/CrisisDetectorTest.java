package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.retrieval.Turn;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the detector promises, one kind of message at a time; the full table is in CrisisDetectorTableTest. */
class CrisisDetectorTest {
    private static final CrisisDetector DETECTOR = new CrisisDetector(CrisisPatterns.fromResources());

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "kms",
                "i want to unalive myself",
                "i don't want to wake up tomorrow",
                "I've made up my mind about tonight",
                "everyone would be better off without me",
                "i have the pills saved up",
                "sh again",
                "gonna end it",
                "he said he'll kill me when he gets home",
                "my stepdad hits my little sister",
                "i want to hurt him",
                "IM GOING TO KILL MYSLEF TONITE",
            })
    void should_flag_crisis_phrasing_in_slang_abbreviations_and_typos(String message) {
        assertThat(DETECTOR.assess(message, List.of()).crisis()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "What does the duty to protect mean when a client talks about self-harm?",
                "Does my therapist have to report it if I had suicidal thoughts last year?",
                "If I tell my therapist I've thought about suicide will they call 911?",
                "what is Tarasoff",
                "do therapists have to report child abuse",
                "can my therapist tell my parents if I self harm",
                "what is a 5150 hold",
                "my mom is going to kill me when she sees my grades",
                "I'm going to end it with my boyfriend tonight",
                "I'm not suicidal, I just want to know what is confidential",
            })
    void should_not_flag_informational_questions_or_figures_of_speech(String message) {
        assertThat(DETECTOR.assess(message, List.of()).crisis()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            if i kill myself tonight will my therapist get in trouble                | true
            if i kill myself will my therapist get in trouble                        | false
            I want to die. Does my therapist have to tell my parents?                | true
            If I tell my therapist I want to die, will they lock me up?              | false
            can my psychiatrist 5150 me if I tell her I'm going to kill myself       | true
            I have the pills in front of me. is this chat confidential?              | true
            """)
    void should_flag_present_intent_plan_or_means_even_when_phrased_as_a_question(String message, boolean crisis) {
        assertThat(DETECTOR.assess(message, List.of()).crisis()).isEqualTo(crisis);
    }

    @Test
    void should_judge_risk_over_the_users_turns_of_the_conversation() {
        List<Turn> history = List.of(new Turn(Turn.Role.USER, "I've made up my mind"));

        assertThat(DETECTOR.assess("will it hurt?", history).crisis()).isTrue();
        assertThat(DETECTOR.assess("will it hurt?", List.of()).crisis()).isFalse();
    }

    @Test
    void should_stay_in_crisis_when_a_rules_question_follows_a_crisis_message() {
        List<Turn> history = List.of(
                new Turn(Turn.Role.USER, "i don't want to be here anymore"),
                new Turn(Turn.Role.ASSISTANT, "I'm sorry you're feeling this way."));

        assertThat(DETECTOR.assess("what does confidentiality cover?", history).crisis())
                .isTrue();
    }

    @Test
    void should_ignore_assistant_turns() {
        List<Turn> history = List.of(
                new Turn(Turn.Role.USER, "can my therapist share my notes with my doctor?"),
                new Turn(Turn.Role.ASSISTANT, "If you want to kill yourself or have the pills saved up, call 988."));

        assertThat(DETECTOR.assess("and what about HIPAA?", history).crisis()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            i have the pills saved up                         | SELF_HARM
            i want to hurt him                                | HARM_TO_OTHERS
            my stepdad hits my little sister                  | CHILD_AT_RISK
            he said he'll kill me when he gets home           | ABUSE_NOW
            my friend says she's going to kill herself        | SELF_HARM
            """)
    void should_name_whose_safety_is_at_risk(String message, RiskKind kind) {
        assertThat(DETECTOR.assess(message, List.of()).kinds()).contains(kind);
    }

    @Test
    void should_give_a_reason_that_does_not_quote_the_user() {
        CrisisAssessment assessment = DETECTOR.assess("i have 40 sertraline saved up for saturday", List.of());

        assertThat(assessment.crisis()).isTrue();
        assertThat(assessment.reason().toLowerCase(Locale.ROOT)).doesNotContain("sertraline", "40", "saturday");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"so ", "so really ", "i am i am ", "just really ", "if i tell my therapist "})
    void should_read_long_repetitive_messages_without_overflowing_the_stack(String filler) {
        String message = filler.repeat(8_000 / filler.length()) + "i have the pills saved up";

        assertThat(DETECTOR.assess(message, List.of()).crisis()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/safety/signals.txt", "/safety/framing.txt", "/safety/normalise.txt"})
    void should_keep_every_repeated_group_in_the_patterns_bounded(String resource) {
        // Java's regex engine recurses once per repetition of a group: "(?:x )*" on long input overflows.
        Pattern unbounded = Pattern.compile("\\)(?:[*+]|\\{\\d+,})");

        assertThat(PatternFile.lines(resource))
                .noneMatch(line -> unbounded.matcher(line).find());
    }

    @Test
    void should_not_flag_an_empty_message() {
        assertThat(DETECTOR.assess("   ", List.of())).isEqualTo(CrisisAssessment.none("no risk signal"));
    }
}
