package org.apache.camel.component.mimecast.directory;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CamelContext whose mimecast-directory component points at a fresh emulator (reset before each test).
 */
public abstract class MimecastTestSupport extends CamelTestSupport {

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    protected MimecastEmulator emulator() {
        return mimecast.emulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        configureComponent(component.getConfiguration());
        context.addComponent("mimecast-directory", component);
        return context;
    }

    /** Points the component at the emulator; API 1.0 keys unless overridden. */
    protected void configureComponent(MimecastDirectoryConfiguration configuration) {
        configure(configuration, emulator());
    }

    /** Points a configuration at the emulator, with short retry waits for fast tests. */
    static void configure(MimecastDirectoryConfiguration configuration, MimecastEmulator emulator) {
        configuration.setBaseUrl(emulator.baseUrl());
        configuration.setAccessKey(emulator.credentials().accessKey());
        configuration.setSecretKey(emulator.credentials().secretKey());
        configuration.setAppId(emulator.credentials().appId());
        configuration.setAppKey(emulator.credentials().appKey());
        configuration.setRetryBackoff(10);
    }

    /** Points a configuration at the emulator with API 2.0 client credentials. */
    static void configureOAuth2(MimecastDirectoryConfiguration configuration, MimecastEmulator emulator) {
        configuration.setAuthMode(AuthMode.oauth2);
        configuration.setBaseUrl(emulator.baseUrl());
        configuration.setClientId(emulator.clientId());
        configuration.setClientSecret(emulator.clientSecret());
        configuration.setRetryBackoff(10);
    }
}
