package org.apache.camel.component.mimecast.directory.docs;

import java.nio.file.Path;

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
                "src/main/docs/mimecast-directory-component.adoc is out of date: run ./mvnw process-test-classes -pl "
                                                               + "camel-mimecast-directory and commit the page");
        assertTrue(page.contains("| *appKey* (security) | The application key"), "secret options are listed");
        assertTrue(page.contains("(secret)"));
        assertTrue(page.contains("| *CamelMimecastDirectoryNextPageToken* |"));
    }
}
