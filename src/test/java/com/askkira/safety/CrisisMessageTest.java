package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrisisMessageTest {
    private static final Pattern METHOD_WORDS = Pattern.compile(
            "\\b(?:pills?|overdos\\w*|cut\\w*|hang\\w*|rope|noose|guns?|jump\\w*|bridges?|knife|knives|blades?|razors?|"
                    + "poison\\w*|bleed\\w*|drown\\w*|wrists?|kill\\w*|suffocat\\w*|lethal|dose)\\b");

    @ParameterizedTest(name = "{0}")
    @EnumSource(RiskKind.class)
    void should_lead_with_988_and_mention_911(RiskKind kind) {
        String lead = CrisisMessage.lead(Set.of(kind));

        assertThat(lead).contains("988", "911", "741741");
        assertThat(lead.indexOf("988")).isLessThan(lead.indexOf("911")).isLessThan(lead.indexOf("741741"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RiskKind.class)
    void should_contain_no_method_words(RiskKind kind) {
        assertThat(METHOD_WORDS
                        .matcher(CrisisMessage.lead(Set.of(kind)).toLowerCase(Locale.ROOT))
                        .find())
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RiskKind.class)
    void should_say_they_are_not_alone_and_that_kira_is_not_an_emergency_service(RiskKind kind) {
        String lead = CrisisMessage.lead(Set.of(kind));

        assertThat(lead).containsAnyOf("not alone", "don't have to");
        assertThat(lead).contains("not an emergency service");
    }

    @Test
    void should_name_childhelp_only_when_a_child_is_at_risk() {
        assertThat(CrisisMessage.lead(Set.of(RiskKind.CHILD_AT_RISK))).contains("Childhelp", "1-800-422-4453");
        assertThat(CrisisMessage.lead(EnumSet.complementOf(EnumSet.of(RiskKind.CHILD_AT_RISK))))
                .doesNotContain("Childhelp");
    }

    @Test
    void should_vary_only_by_kind() {
        assertThat(CrisisMessage.lead(Set.of(RiskKind.SELF_HARM)))
                .isEqualTo(CrisisMessage.lead(Set.of(RiskKind.SELF_HARM)));
        assertThat(CrisisMessage.lead(Set.of(RiskKind.SELF_HARM)))
                .isNotEqualTo(CrisisMessage.lead(Set.of(RiskKind.ABUSE_NOW)));
        assertThat(CrisisMessage.lead(Set.of())).isEmpty();
    }
}
