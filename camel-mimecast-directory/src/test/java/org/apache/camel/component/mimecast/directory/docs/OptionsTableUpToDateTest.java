package org.apache.camel.component.mimecast.directory.docs;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference page's options and headers tables must be exactly what the component metadata renders to. The build
 * regenerates them (process-test-classes); this fails if that did not happen or the page was edited by hand.
 */
class OptionsTableUpToDateTest {

    static final Path PAGE = Path.of("src/main/docs/mimecast-directory-component.adoc");

    @Test
    void optionsAndHeadersTablesMatchTheMetadata() throws Exception {
        String page = OptionsTableGenerator.read(PAGE);
        assertEquals(OptionsTableGenerator.render(page), page,
                "src/main/docs/mimecast-directory-component.adoc is out of date: run ./mvnw process-test-classes -am -pl "
                                                               + "camel-mimecast-directory and commit the page");
        assertTrue(page.contains("| *appKey* (security) | *Secret* The application key"), "secret options are flagged");
        assertTrue(page.contains("| *operation* (common) | *Required* The operation to perform"));
        assertTrue(page.contains("==== Path Parameters (1 parameters)"));
        assertTrue(page.contains("| *CamelMimecastDirectoryNextPageToken* (common)\n\nConstant: `NEXT_PAGE_TOKEN`"));
    }

    /**
     * The header attributes are the ones Camel's update-readme goal writes from the same metadata (the goal is not run
     * by this build: it would also replace the component options table).
     */
    @Test
    void headerAttributesMatchTheMetadata() throws Exception {
        JsonNode component = OptionsTableGenerator.metadata().get("component");
        String firstVersion = component.get("firstVersion").asText();
        String header = "= " + component.get("title").asText() + " Component\n"
                        + ":doctitle: " + component.get("title").asText() + "\n"
                        + ":shortname: " + component.get("scheme").asText() + "\n"
                        + ":artifactid: " + component.get("artifactId").asText() + "\n"
                        + ":description: " + component.get("description").asText() + "\n"
                        + ":since: " + firstVersion.substring(0, firstVersion.lastIndexOf('.')) + "\n"
                        + ":supportlevel: " + component.get("supportLevel").asText() + "\n"
                        + ":tabs-sync-option:\n"
                        + ":component-header: " + componentHeader(component) + "\n\n";
        String page = OptionsTableGenerator.read(PAGE);
        assertEquals(header, page.substring(0, Math.min(header.length(), page.length())),
                "the header attributes of src/main/docs/mimecast-directory-component.adoc differ from the metadata");
        assertTrue(page.contains("*Since Camel {since}*") && page.contains("*{component-header}*"));
    }

    private static String componentHeader(JsonNode component) {
        boolean consumerOnly = component.get("consumerOnly").asBoolean();
        boolean producerOnly = component.get("producerOnly").asBoolean();
        if (producerOnly && !consumerOnly) {
            return "Only producer is supported";
        }
        if (consumerOnly && !producerOnly) {
            return "Only consumer is supported";
        }
        return "Both producer and consumer are supported";
    }
}
