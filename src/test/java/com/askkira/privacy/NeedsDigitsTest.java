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

    /** Texts with fewer than seven digits and no plus sign are not read by libphonenumber at all. */
    @Test
    void should_find_no_phone_where_the_phone_gate_skips_the_text() {
        PhoneDetector phones = new PhoneDetector();
        List<String> texts = new ArrayList<>(SampleTexts.all());
        texts.addAll(SampleTexts.joinedInThrees());
        texts.addAll(List.of(
                "call 867-5309 tonight",
                "my number: 555 867 5309",
                "reach me on 011 44 20 7946 0958",
                "text ＋44 7700 900123",
                "Question 1234: can my therapist call my mom at 555-0199?",
                "born 1996, age 29, room 12"));
        java.util.Random random = new java.util.Random(5);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder b = new StringBuilder("call me ");
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append("0123456789 -.()+".charAt(random.nextInt(16)));
            }
            texts.add(b.toString());
        }
        int skipped = 0;
        int found = 0;
        for (String text : texts) {
            List<Finding> all = phones.findAll(text);
            assertThat(phones.detect(text)).as(text).isEqualTo(all);
            skipped += PhoneDetector.mayHoldNumber(text) ? 0 : 1;
            found += all.size();
        }
        assertThat(skipped).as("texts the gate skips").isGreaterThan(2_000);
        assertThat(found).as("phones found").isGreaterThan(20);
    }
}
