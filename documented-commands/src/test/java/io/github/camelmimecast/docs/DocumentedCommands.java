package io.github.camelmimecast.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The command lines the READMEs show: every line of a {@code bash} code block (comments left out) and every inline
 * code span that starts with {@code ./mvnw}, split at {@code &&} into the steps a shell runs one after the other,
 * whitespace collapsed.
 */
final class DocumentedCommands {

    private static final Pattern FENCE = Pattern.compile("(?ms)^[ \\t]*```(\\w*)\\n(.*?)^[ \\t]*```");
    private static final Pattern INLINE_MVNW = Pattern.compile("`(\\./mvnw [^`]+)`");

    private DocumentedCommands() {
    }

    /** The README of the repository, of every example and of the emulator, relative to root. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(Path.of("README.md"));
        documents.add(Path.of("camel-mimecast-directory-emulator", "README.md"));
        try (Stream<Path> examples = Files.list(root.resolve("examples"))) {
            examples.map(example -> example.resolve("README.md")).filter(Files::isRegularFile).sorted()
                    .forEach(readme -> documents.add(root.relativize(readme)));
        }
        return documents;
    }

    /** Each documented step, with the documents that show it, in the order first seen. */
    static Map<String, List<Path>> steps(Path root) throws IOException {
        Map<String, List<Path>> steps = new LinkedHashMap<>();
        for (Path document : documents(root)) {
            for (String line : commandLines(Files.readString(root.resolve(document)))) {
                for (String step : line.split("&&")) {
                    List<Path> seenIn = steps.computeIfAbsent(collapse(step), s -> new ArrayList<>());
                    if (!seenIn.contains(document)) {
                        seenIn.add(document);
                    }
                }
            }
        }
        return steps;
    }

    static List<String> commandLines(String markdown) {
        List<String> lines = new ArrayList<>();
        Matcher fence = FENCE.matcher(markdown);
        StringBuilder prose = new StringBuilder();
        int end = 0;
        while (fence.find()) {
            prose.append(markdown, end, fence.start());
            end = fence.end();
            if (fence.group(1).equals("bash") || fence.group(1).equals("sh")) {
                // A line ending in a backslash continues on the next one
                for (String line : fence.group(2).replace("\\\n", " ").split("\n")) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
        }
        prose.append(markdown.substring(end));
        Matcher inline = INLINE_MVNW.matcher(prose);
        while (inline.find()) {
            lines.add(inline.group(1));
        }
        return lines;
    }

    static String collapse(String command) {
        return command.strip().replaceAll("\\s+", " ");
    }
}
