package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

import org.apache.camel.component.mimecast.directory.support.HostileServer;

/**
 * A scripted server, a connection pool and a deadline timer for tests that drive {@link MimecastClient} directly,
 * with a fresh quota per client. Close it after each test.
 */
final class ScriptedClients implements AutoCloseable {

    final HostileServer server;
    final PooledHttpClient http = HttpClientFactory.create(5000, null);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    ScriptedClients() {
        try {
            server = new HostileServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    MimecastClient client(RequestAuthenticator auth, String baseUrl, RetryPolicy policy, int responseTimeout,
                          int maxConcurrent, SecretRedactor redactor) {
        return new MimecastClient(new MimecastClient.CallResources(http, new Semaphore(maxConcurrent, true),
                new ApiUserQuota(), new AttemptDeadlines(timer)), auth, baseUrl, policy, responseTimeout, 0,
                MimecastJson.newObjectMapper(), redactor);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.close();
        server.close();
    }
}
