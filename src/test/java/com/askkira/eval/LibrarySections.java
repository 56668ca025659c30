package com.askkira.eval;

import com.askkira.TestKira;
import com.askkira.corpus.Chunk;
import com.askkira.corpus.Chunker;
import com.askkira.corpus.Library;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.corpus.SentenceSplitter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The library's sections as the index names them ({@link Chunk#sectionKey()}), and a set's name for
 * one mapped onto them. Writers who never saw the code spell a heading's anchor their own way
 * ("standard-4-05" for the index's "standard-405", "california-s" for "californias"): the letters and
 * digits still name one section, and counting such a question as a miss would understate Kira.
 */
final class LibrarySections {
    private static final Map<String, String> BY_LETTERS = new Library(
                    TestKira.sharedConfig().corpusDir(), new MarkdownDocumentParser())
            .documents().stream()
                    .flatMap(d -> new Chunker(new SentenceSplitter()).chunk(d).stream())
                    .map(Chunk::sectionKey)
                    .distinct()
                    .collect(Collectors.toMap(LibrarySections::letters, Function.identity()));

    private LibrarySections() {}

    /** The section key a set's {@code named} means; fails if it names no section of the library. */
    static String resolve(String named) {
        String key = BY_LETTERS.get(letters(named));
        if (key == null) {
            throw new IllegalArgumentException("names no section of the library: " + named);
        }
        return key;
    }

    /**
     * The section a heading names when the writer gave only the heading ("Privilege vs.
     * Confidentiality"), if exactly one section of the library has it.
     */
    static Optional<String> byHeading(String heading) {
        String letters = "#" + letters(heading);
        List<String> keys = BY_LETTERS.entrySet().stream()
                .filter(e -> e.getKey().endsWith(letters))
                .map(Map.Entry::getValue)
                .toList();
        return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
    }

    static boolean isSectionKey(String named) {
        return BY_LETTERS.containsValue(named);
    }

    private static String letters(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9#]", "");
    }
}
