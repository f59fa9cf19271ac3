package org.apache.camel.component.mimecast.directory;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.directory.support.HostileServer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A CamelContext whose mimecast-directory component calls a scripted server (not our emulator), fresh per test.
 * Routes give API 1.0 keys in the URI ({@link #KEYS}): the server does not check signatures.
 */
abstract class ScriptedServerTestSupport extends CamelTestSupport {

    /** Credentials for the URI, and a short back-off for fast tests. */
    static final String KEYS = "?accessKey=ak&secretKey=c2VjcmV0LWtleS12YWx1ZQ==&appId=app&appKey=app-key-1"
                               + "&retryBackoff=10";

    protected HostileServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server = new HostileServer();
        serverStarted(server);
        CamelContext context = super.createCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        component.getConfiguration().setBaseUrl(server.baseUrl());
        context.addComponent("mimecast-directory", component);
        return context;
    }

    /** Scripts the server before the context starts. */
    protected void serverStarted(HostileServer server) {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
