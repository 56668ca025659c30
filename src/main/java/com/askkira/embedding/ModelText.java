package com.askkira.embedding;

import java.text.Normalizer;

/**
 * What the embedding models read of a text. Both models Kira ships tokenize as BERT does
 * (tokenizer.json's {@code BertNormalizer}, lower-cased, accents stripped): control, format,
 * private-use, unassigned and surrogate code points and U+FFFD are dropped, accents are taken off
 * their letters, and the rest is split at white space. A text with nothing left has no token, and
 * the model refuses to embed it.
 */
public final class ModelText {
    private ModelText() {}

    /** True when the models would find no token in {@code text}. */
    public static boolean readsNothing(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).codePoints().allMatch(ModelText::dropped);
    }

    private static boolean dropped(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SURROGATE,
                    Character.SPACE_SEPARATOR,
                    Character.NON_SPACING_MARK -> true;
            default -> c == 0xFFFD;
        };
    }
}
