package org.apache.camel.quarkus.component.mimecast.directory.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same tests against the packaged (native) application: run with -Pnative where GraalVM exists.
 */
@QuarkusIntegrationTest
class MimecastDirectoryIT extends MimecastDirectoryTest {
}
