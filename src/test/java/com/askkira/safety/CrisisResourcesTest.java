package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrisisResourcesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RiskKind.class)
    void should_lead_with_988_by_call_and_by_text_for_every_kind(RiskKind kind) {
        List<CrisisResource> resources = CrisisResources.forKinds(Set.of(kind));

        assertThat(resources.subList(0, 2)).extracting(CrisisResource::href).containsExactly("tel:988", "sms:988");
        assertThat(resources).extracting(CrisisResource::href).contains("tel:911", "sms:741741?body=HOME");
    }

    @Test
    void should_always_offer_988_for_self_harm_whatever_else_is_at_risk() {
        for (Set<RiskKind> kinds : List.of(
                Set.of(RiskKind.SELF_HARM),
                Set.of(RiskKind.SELF_HARM, RiskKind.CHILD_AT_RISK),
                EnumSet.allOf(RiskKind.class))) {
            assertThat(CrisisResources.forKinds(kinds))
                    .extracting(CrisisResource::href)
                    .contains("tel:988");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RiskKind.class)
    void should_offer_childhelp_only_when_a_child_is_at_risk(RiskKind kind) {
        List<String> hrefs = CrisisResources.forKinds(Set.of(kind)).stream()
                .map(CrisisResource::href)
                .toList();

        if (kind == RiskKind.CHILD_AT_RISK) {
            assertThat(hrefs).contains("tel:18004224453");
        } else {
            assertThat(hrefs).doesNotContain("tel:18004224453");
        }
    }

    @Test
    void should_offer_nothing_when_nothing_is_at_risk() {
        assertThat(CrisisResources.forKinds(Set.of())).isEmpty();
    }
}
