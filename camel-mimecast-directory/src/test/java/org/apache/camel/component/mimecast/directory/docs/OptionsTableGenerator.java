package org.apache.camel.component.mimecast.directory.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the options and headers tables of the component reference page from the component's generated JSON
 * metadata, between the markers Camel's own pages use ({@code // component options: START} ... {@code END}, and
 * likewise endpoint options and component headers), in the layout Camel's website renders for its components
 * (headings, counts, {@code *Required*} and the other flags, enum values, simple type names). Camel's
 * {@code update-readme} goal would put Antora includes there instead, which only Camel's website resolves; this keeps
 * the tables readable wherever the page is. Run by the build at process-test-classes (see the POM);
 * {@link OptionsTableUpToDateTest} fails when the page is out of date.
 */
public final class OptionsTableGenerator {

    static final String METADATA = "META-INF/org/apache/camel/component/mimecast/directory/mimecast-directory.json";

    private static final String TABLE = "[width=\"100%\",cols=\"2,5a,^1,2\",options=\"header\"]\n|===\n"
                                        + "| Name | Description | Default | Type\n";

    private OptionsTableGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path page = Path.of(args[0]);
        String current = read(page);
        String updated = render(current);
        if (!updated.equals(current)) {
            Files.writeString(page, updated);
            System.out.println("Updated the options tables of " + page);
        }
    }

    /** The component's generated metadata, from the class path. */
    static JsonNode metadata() throws IOException {
        try (InputStream in = OptionsTableGenerator.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is not on the class path: build the component first");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    /** The page with every generated section replaced by tables rendered from the metadata. */
    static String render(String page) throws IOException {
        JsonNode metadata = metadata();
        String title = metadata.path("component").path("title").asText();
        String result = replace(page, "component options", componentOptions(title, metadata.get("componentProperties")));
        result = replace(result, "endpoint options", endpointOptions(title, metadata));
        return replace(result, "component headers", headers(title, metadata.get("headers")));
    }

    private static String componentOptions(String title, JsonNode options) {
        return "=== Component Options\n\nThe " + title + " component supports " + options.size()
               + " options, which are listed below.\n\n" + optionsTable(options, o -> true);
    }

    private static String endpointOptions(String title, JsonNode metadata) {
        JsonNode options = metadata.get("properties");
        Predicate<JsonNode> path = o -> "path".equals(o.path("kind").asText());
        Predicate<JsonNode> query = o -> "parameter".equals(o.path("kind").asText());
        StringBuilder text = new StringBuilder("=== Endpoint Options\n\nThe ").append(title)
                .append(" endpoint is configured using URI syntax:\n\n----\n")
                .append(metadata.path("component").path("syntax").asText())
                .append("\n----\n\nwith the following path and query parameters:\n\n");
        text.append(parameters(title, "Path", options, path)).append('\n');
        return text.append(parameters(title, "Query", options, query)).toString();
    }

    private static String parameters(String title, String kind, JsonNode options, Predicate<JsonNode> filter) {
        long count = options.properties().stream().filter(e -> filter.test(e.getValue())).count();
        String heading = "==== " + kind + " Parameters (" + count + " parameters)\n\n";
        if (count == 0) {
            return heading + "The " + title + " endpoint has no " + kind.toLowerCase() + " parameters.\n";
        }
        return heading + optionsTable(options, filter);
    }

    private static String optionsTable(JsonNode options, Predicate<JsonNode> filter) {
        StringBuilder table = new StringBuilder(TABLE);
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            JsonNode o = option.getValue();
            if (filter.test(o)) {
                String defaultValue = o.path("defaultValue").asText("");
                table.append("| *").append(option.getKey()).append("* (").append(o.path("group").asText()).append(") | ")
                        .append(description(o)).append("\n| ")
                        .append(defaultValue.isEmpty() ? "" : "`" + escape(defaultValue) + "`")
                        .append(" | ").append(simpleName(o.path("javaType").asText())).append('\n');
            }
        }
        return table.append("|===\n").toString();
    }

    private static String headers(String title, JsonNode headers) {
        StringBuilder table = new StringBuilder("=== Message Headers\n\nThe ").append(title)
                .append(" component supports ").append(headers.size())
                .append(" message header(s), which is/are listed below:\n\n").append(TABLE);
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            JsonNode h = header.getValue();
            String constant = h.path("constantName").asText();
            table.append("| *").append(header.getKey()).append("* (").append(h.path("group").asText()).append(")\n\n")
                    .append("Constant: `").append(constant.substring(constant.indexOf('#') + 1)).append("` | ")
                    .append(description(h)).append("\n| ").append(escape(h.path("defaultValue").asText("")))
                    .append(" | ").append(simpleName(h.path("javaType").asText())).append('\n');
        }
        return table.append("|===\n").toString();
    }

    /** The description cell as Camel's website writes it: flags, the sentence, a deprecation note, enum values. */
    private static String description(JsonNode option) {
        StringBuilder cell = new StringBuilder();
        for (String flag : List.of("Autowired", "Required", "Deprecated", "Secret")) {
            if (option.path(flag.toLowerCase()).asBoolean()) {
                cell.append('*').append(flag).append("* ");
            }
        }
        String description = option.path("description").asText();
        cell.append(escape(description)).append(description.isEmpty() || description.endsWith(".") ? "" : ".");
        String note = option.path("deprecationNote").asText();
        if (!note.isEmpty()) {
            cell.append("\n\nNOTE: ").append(escape(note));
        }
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(v -> values.add(escape(v.asText())));
            cell.append("\n\nEnum values:\n\n* ").append(String.join("\n* ", values));
        }
        return cell.toString();
    }

    /** {@code java.util.Map<java.lang.String, java.lang.Object>} becomes {@code Map}, as on Camel's website. */
    static String simpleName(String javaType) {
        String raw = javaType.replaceAll("<.*>", "");
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    private static String replace(String page, String name, String content) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("The page has no '" + start.trim() + "' ... '" + end + "' markers");
        }
        return page.substring(0, from + start.length()) + content + page.substring(to);
    }

    /** Table cell text: a literal | would end the cell, a { would start an attribute reference. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("{", "\\{");
    }

    static String read(Path page) throws IOException {
        return new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
    }
}
