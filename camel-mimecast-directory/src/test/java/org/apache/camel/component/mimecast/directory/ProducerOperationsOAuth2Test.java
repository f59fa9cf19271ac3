package org.apache.camel.component.mimecast.directory;

/**
 * Every operation test again, authenticated with API 2.0 OAuth 2.0 tokens instead of API 1.0 signatures: only the
 * options change.
 */
class ProducerOperationsOAuth2Test extends ProducerOperationsTest {

    @Override
    protected void configureComponent(MimecastDirectoryConfiguration configuration) {
        configureOAuth2(configuration, emulator());
    }
}
