package com.askkira.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.SampleTexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Asking the number detectors only about texts with a digit finds what asking them about every text finds. */
class NeedsDigitsTest {
    private static final List<PiiDetector> NUMBER_DETECTORS = List.of(new AccountNumberDetector(), new PhoneDetector());

    @Test
    void should_find_in_every_sample_text_what_the_detector_alone_finds() {
        int withoutDigits = 0;
        int findings = 0;
        for (String text : SampleTexts.all()) {
            withoutDigits += NeedsDigits.hasDigit(text) ? 0 : 1;
            for (PiiDetector detector : NUMBER_DETECTORS) {
                List<Finding> alone = detector.detect(text);
                assertThat(new NeedsDigits(detector).detect(text)).as(text).isEqualTo(alone);
                findings += alone.size();
            }
        }
        assertThat(withoutDigits).as("texts the gate skips").isGreaterThan(1_000);
        assertThat(findings).as("numbers found").isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "call me at ５５５-８６７-５３０９ tonight", // fullwidth digits
                "my number is ٥٥٥ ٨٦٧ ٥٣٠٩", // Arabic-Indic digits
                "text me at +44 20 7946 0958",
                "my SSN is 123-45-6789 and my card 4111 1111 1111 1111",
                "no numbers here, only words"
            })
    void should_find_numbers_written_in_any_digits_as_the_detector_alone_does(String text) {
        List<Finding> alone = new ArrayList<>();
        List<Finding> gated = new ArrayList<>();
        for (PiiDetector detector : NUMBER_DETECTORS) {
            alone.addAll(detector.detect(text));
            gated.addAll(new NeedsDigits(detector).detect(text));
        }

        assertThat(gated).isEqualTo(alone);
    }
}
