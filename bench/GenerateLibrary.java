import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A library {@code factor} times the size of the shipped one, for measuring how cost grows with the
 * library (issue 11). Writes the shipped documents and {@code synonyms.txt} unchanged, then {@code
 * factor - 1} editions of each document: same front matter and headings (so every document is one
 * the indexer accepts: its own slug, title and url, headings unique within it), body rewritten
 * from real sentences: each paragraph's sentences in another order, some swapped for a sentence
 * from elsewhere in the library, words exchanged for near-synonyms and an occasional lead-in
 * ("In general, ...") added, each bullet list reordered. So no two editions share their text, and
 * every edition reads like the library: searches and the answerer's scoring do real work on it.
 * Deterministic for a seed.
 *
 * <p>Usage: {@code java bench/GenerateLibrary.java --factor 10 --out DIR [--corpus corpus] [--seed 11]}
 */
public class GenerateLibrary {
    // A sentence ends at . ! or ? before a capital, except after an abbreviation ("Jaffee v. Redmond", "U.S. law").
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[a-z0-9)\"'][.!?])(?<!\\b(?:v|vs|No|Cal|Dr|St|Mr|Ms|Mrs|al|Inc|Co|Jr|Sr|e\\.g|i\\.e|U\\.S)\\.)\\s+(?=[A-Z\"(])");
    private static final String[][] SWAPS = {
        {"therapist", "counselor", "clinician"},
        {"therapists", "counselors", "clinicians"},
        {"client", "patient"},
        {"clients", "patients"},
        {"records", "files"},
        {"information", "data"},
        {"disclose", "reveal", "share"},
        {"generally", "usually", "typically"},
        {"protect", "safeguard", "shield"},
        {"required", "obliged", "expected"},
        {"important", "essential", "key"},
        {"specific", "particular"},
        {"allows", "permits", "lets"},
        {"circumstances", "situations", "cases"},
        {"professional", "practitioner"},
        {"explain", "describe", "set out"},
    };
    private static final List<String> LEAD_INS = List.of(
            "In general, ", "As a rule, ", "In most cases, ", "For most readers, ", "Broadly, ", "Put simply, ");
    private static final List<String> EDITIONS = List.of(
            "Reader's Edition", "Study Notes", "Plain-Language Guide", "Practitioner Notes", "Quick Reference",
            "Annotated Summary", "Overview", "Companion Notes");

    record Document(String fileName, List<String> frontMatter, List<String> body) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opts.containsKey("factor") || !opts.containsKey("out")) {
            System.err.println("usage: java bench/GenerateLibrary.java --factor 10 --out DIR [--corpus corpus] [--seed 11]");
            System.exit(2);
        }
        int factor = Integer.parseInt(opts.get("factor"));
        Path corpus = Path.of(opts.getOrDefault("corpus", "corpus"));
        Path out = Path.of(opts.get("out"));
        Random random = new Random(Long.parseLong(opts.getOrDefault("seed", "11")));

        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".md") && !name.equalsIgnoreCase("README.md")) {
                    documents.add(parse(name, Files.readAllLines(f)));
                }
            }
        }
        // Every prose sentence of the library: the pool a paragraph borrows from.
        List<String> pool = new ArrayList<>();
        documents.forEach(d -> d.body().stream().filter(GenerateLibrary::isProse).forEach(p -> pool.addAll(sentences(p))));

        Files.createDirectories(out);
        long bytes = 0;
        int written = 0;
        for (Document d : documents) {
            bytes += copy(corpus.resolve(d.fileName()), out.resolve(d.fileName()));
            written++;
        }
        if (Files.exists(corpus.resolve("synonyms.txt"))) {
            copy(corpus.resolve("synonyms.txt"), out.resolve("synonyms.txt"));
        }
        for (int edition = 2; edition <= factor; edition++) {
            for (Document d : documents) {
                String slug = value(d, "slug") + "-e" + edition;
                String title = value(d, "title") + ": " + EDITIONS.get(edition % EDITIONS.size()) + " " + edition;
                String text = render(d, slug, title, pool, random);
                Path file = out.resolve(slug + ".md");
                Files.writeString(file, text);
                bytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                written++;
            }
        }
        System.out.printf(
                "%d documents (%d shipped x %d), %.1f MB, in %s%n", written, documents.size(), factor, bytes / 1e6, out);
    }

    static Document parse(String name, List<String> lines) {
        int close = lines.subList(1, lines.size()).indexOf("---") + 1;
        if (!lines.getFirst().equals("---") || close <= 0) {
            throw new IllegalArgumentException(name + ": no front matter");
        }
        List<String> body = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines.subList(close + 1, lines.size())) {
            boolean block = line.isBlank() || line.startsWith("#") || line.startsWith("- ") || line.matches("\\d+\\. .*");
            if (block && !paragraph.isEmpty()) {
                body.add(paragraph.toString());
                paragraph.setLength(0);
            }
            if (line.isBlank()) {
                continue;
            }
            if (block) {
                body.add(line);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        if (!paragraph.isEmpty()) {
            body.add(paragraph.toString());
        }
        return new Document(name, lines.subList(1, close), body);
    }

    static String render(Document d, String slug, String title, List<String> pool, Random random) {
        StringBuilder out = new StringBuilder("---\n");
        for (String line : d.frontMatter()) {
            if (line.startsWith("title:")) {
                line = "title: " + quoted(title);
            } else if (line.startsWith("slug:")) {
                line = "slug: " + slug;
            } else if (line.startsWith("url:")) {
                String url = line.substring(4).strip();
                line = "url: " + url.substring(0, url.lastIndexOf('/') + 1) + slug;
            } else if (line.startsWith("summary:")) {
                String summary = line.substring(8).strip().replaceAll("^\"|\"$", "").replace("\\\"", "\"");
                line = "summary: " + quoted(vary(summary, random));
            }
            out.append(line).append('\n');
        }
        out.append("---\n\n");
        List<String> bullets = new ArrayList<>();
        boolean numbered = false;
        for (String block : d.body()) {
            if (numbered && !block.matches("\\d+\\. .*")) {
                out.append('\n');
            }
            numbered = block.matches("\\d+\\. .*");
            if (block.startsWith("- ")) {
                bullets.add(block.startsWith("- **") ? block : "- " + vary(block.substring(2), random));
                continue;
            }
            flush(bullets, out, random);
            if (block.startsWith("# ")) {
                out.append("# ").append(title).append("\n\n");
            } else if (block.startsWith("#") || block.matches("\\d+\\. .*") || block.startsWith("**")) {
                out.append(block).append(block.matches("\\d+\\. .*") ? "\n" : "\n\n");
            } else {
                out.append(paragraph(block, pool, random)).append("\n\n");
            }
        }
        flush(bullets, out, random);
        return out.toString();
    }

    /** A paragraph's sentences reordered, one in four swapped for another sentence of the library, each varied. */
    static String paragraph(String text, List<String> pool, Random random) {
        List<String> sentences = new ArrayList<>(sentences(text));
        Collections.shuffle(sentences, random);
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            String chosen = random.nextInt(4) == 0 ? pool.get(random.nextInt(pool.size())) : s;
            out.add(vary(chosen, random));
        }
        return String.join(" ", out);
    }

    /** Near-synonyms exchanged at random, and now and then a lead-in before a sentence that starts with a common word. */
    static String vary(String sentence, Random random) {
        String s = sentence;
        for (String[] group : SWAPS) {
            Matcher m = Pattern.compile("\\b" + group[0] + "\\b").matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, random.nextBoolean() ? group[0] : group[1 + random.nextInt(group.length - 1)]);
            }
            s = m.appendTail(b).toString();
        }
        boolean commonStart = s.length() > 2 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1));
        if (commonStart && random.nextInt(5) == 0) {
            s = LEAD_INS.get(random.nextInt(LEAD_INS.size())) + Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    static List<String> sentences(String paragraph) {
        return List.of(SENTENCE_END.split(paragraph.strip()));
    }

    static boolean isProse(String block) {
        return !block.startsWith("#") && !block.startsWith("- ") && !block.startsWith("**") && !block.matches("\\d+\\. .*");
    }

    private static void flush(List<String> bullets, StringBuilder out, Random random) {
        if (bullets.isEmpty()) {
            return;
        }
        Collections.shuffle(bullets, random);
        bullets.forEach(b -> out.append(b).append('\n'));
        out.append('\n');
        bullets.clear();
    }

    private static String value(Document d, String key) {
        return d.frontMatter().stream()
                .filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip().replaceAll("^\"|\"$", "").replace("\\\"", "\""))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(d.fileName() + " has no " + key));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static long copy(Path from, Path to) throws IOException {
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.size(to);
    }
}
