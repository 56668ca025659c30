package com.askkira.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pattern resources: {@code head = regex} lines, with {@code define NAME = fragment}
 * lines whose {@code {NAME}} is expanded in the regexes below them, and {@code #} comments.
 */
final class PatternFile {
    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Z_]+)}");

    /** A line of the file: what stands left of {@code " = "}, and the expanded regex. */
    record Entry(String head, String regex, int line) {}

    private PatternFile() {}

    static List<Entry> read(String resource) {
        Map<String, String> defines = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<String> lines = lines(resource);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf(" = ");
            if (eq < 0) {
                throw new IllegalStateException(resource + ":" + (i + 1) + ": expected 'head = regex'");
            }
            String head = line.substring(0, eq).strip();
            String regex = expand(line.substring(eq + 3).strip(), defines, resource, i + 1);
            if (head.startsWith("define ")) {
                defines.put(head.substring("define ".length()).strip(), regex);
            } else {
                entries.add(new Entry(head, regex, i + 1));
            }
        }
        return entries;
    }

    static List<String> lines(String resource) {
        try (InputStream in = PatternFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expand(String regex, Map<String, String> defines, String resource, int line) {
        Matcher m = REFERENCE.matcher(regex);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fragment = defines.get(m.group(1));
            if (fragment == null) {
                throw new IllegalStateException(resource + ":" + line + ": undefined {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(fragment));
        }
        return m.appendTail(out).toString();
    }
}
