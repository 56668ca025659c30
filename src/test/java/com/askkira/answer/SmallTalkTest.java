package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmallTalkTest {
    private final SmallTalk smallTalk = new SmallTalk("confidentiality in therapy");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "hi",
                "Hello there!",
                "hey Kira",
                "What can you do?",
                "who are you",
                "thanks",
                "Thank you so much!",
                "bye"
            })
    void should_reply_to_greetings_thanks_and_questions_about_kira(String message) {
        assertThat(smallTalk.reply(message))
                .hasValueSatisfying(r -> assertThat(r).contains("confidentiality in therapy"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "hi, can my employer see my records?",
                "Is therapy confidential?",
                "thanks but what about my parents?",
                "help me understand Tarasoff"
            })
    void should_leave_real_questions_to_the_library(String message) {
        assertThat(smallTalk.reply(message)).isEmpty();
    }
}
