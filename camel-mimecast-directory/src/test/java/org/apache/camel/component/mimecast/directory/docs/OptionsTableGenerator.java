package org.apache.camel.component.mimecast.directory.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the options and headers tables of the component reference page from the component's generated JSON
 * metadata, between the markers Camel's own pages use ({@code // component options: START} ... {@code END}, and
 * likewise endpoint options and component headers). Run by the build at process-test-classes (see the POM);
 * {@link OptionsTableUpToDateTest} fails when the page is out of date.
 */
public final class OptionsTableGenerator {

    static final String METADATA = "META-INF/org/apache/camel/component/mimecast/directory/mimecast-directory.json";

    private OptionsTableGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path page = Path.of(args[0]);
        String current = Files.readString(page);
        String updated = render(current);
        if (!updated.equals(current)) {
            Files.writeString(page, updated);
            System.out.println("Updated the options tables of " + page);
        }
    }

    /** The page with every generated section replaced by tables rendered from the metadata. */
    static String render(String page) throws IOException {
        JsonNode metadata;
        try (InputStream in = OptionsTableGenerator.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is not on the class path: build the component first");
            }
            metadata = new ObjectMapper().readTree(in);
        }
        String result = replace(page, "component options", optionsTable(metadata.get("componentProperties"),
                "The component supports " + metadata.get("componentProperties").size()
                                                       + " options, settable as camel.component.mimecast-directory.<option>."));
        result = replace(result, "endpoint options", optionsTable(metadata.get("properties"),
                "The endpoint supports " + metadata.get("properties").size() + " options (path and query)."));
        return replace(result, "component headers", headersTable(metadata.get("headers")));
    }

    private static String optionsTable(JsonNode options, String intro) {
        StringBuilder table = new StringBuilder(intro).append("\n\n[width=\"100%\",cols=\"2,5,1,2\",options=\"header\"]\n")
                .append("|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String description = o.path("description").asText()
                                 + (o.path("secret").asBoolean() ? " (secret)" : "")
                                 + (o.has("enum") ? " Values: " + join(o.get("enum")) + "." : "");
            table.append("| *").append(option.getKey()).append("* (").append(o.path("group").asText()).append(") | ")
                    .append(escape(description)).append(" | ").append(escape(o.path("defaultValue").asText("")))
                    .append(" | ").append(escape(o.path("javaType").asText())).append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String headersTable(JsonNode headers) {
        StringBuilder table = new StringBuilder("[width=\"100%\",cols=\"3,5,2\",options=\"header\"]\n")
                .append("|===\n| Name | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode h = header.getValue();
            table.append("| *").append(header.getKey()).append("* | ").append(escape(h.path("description").asText()))
                    .append(" | ").append(escape(h.path("javaType").asText())).append('\n');
        }
        return table.append("|===\n").toString();
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

    private static String join(JsonNode values) {
        StringBuilder text = new StringBuilder();
        values.forEach(v -> text.append(text.length() == 0 ? "" : ", ").append(v.asText()));
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    static String read(Path page) throws IOException {
        return new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
    }
}
