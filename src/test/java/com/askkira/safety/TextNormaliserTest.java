package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormaliserTest {
    private static final TextNormaliser NORMALISER = TextNormaliser.fromResources();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kms                                  | kill myself
            I’m gonna unalive myself tn          | i am going to kill myself tonight
            sh again                             | self harm again
            i dont wanna wake up tmrw            | i do not want to wake up tomorrow
            i want to kil myslef                 | i want to kill myself
            im so sucidal rn                     | i am so suicidal right now
            he'll kill me                        | he will kill me
            my step-dad hits my lil sis          | my stepdad hits my little sister
            soooo tired                          | soo tired
            can a therapist tell him himself     | can a therapist tell him himself
            i w4nt to k1ll mys3lf                | i want to kill myself
            ki\u200Bll my\u200Dself              | kill myself
            thinking about $uicide               | thinking about suicide
            call 988 at 4am on the 1st           | call 988 at 4am on the 1st
            """)
    void should_spell_messages_the_one_way_the_signals_are_written(String message, String normalised) {
        assertThat(NORMALISER.normalise(message)).isEqualTo(normalised);
    }
}
