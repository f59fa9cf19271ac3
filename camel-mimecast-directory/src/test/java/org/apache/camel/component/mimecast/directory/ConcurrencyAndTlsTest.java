package org.apache.camel.component.mimecast.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.hc.core5.pool.PoolStats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyAndTlsTest extends MimecastTestSupport {

    @Test
    void eightThreadsTimesTwoHundredCallsShareOnePoolWithoutLeaks() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 5);
        String uri = "mimecast-directory:get-group-members?groupId=" + group;
        Endpoint endpoint = context.getEndpoint(uri);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(threads.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 200; i++) {
                    ok += template.requestBody(endpoint, null, List.class).size() == 5 ? 1 : 0;
                }
                return ok;
            }));
        }
        int succeeded = 0;
        for (Future<Integer> result : results) {
            succeeded += result.get();
        }
        threads.shutdown();

        assertEquals(1600, succeeded);
        List<RecordedRequest> requests = emulator().requests("get-group-members");
        assertEquals(1600, requests.size());
        assertEquals(1600, requests.stream().map(RecordedRequest::requestId).distinct().count(), "unique request ids");
        assertTrue(requests.stream().allMatch(r -> r.status() == 200), "every signature and date accepted");
        PoolStats pool = ((MimecastDirectoryEndpoint) endpoint).getClient().httpClient().poolStats();
        assertEquals(0, pool.getLeased(), "no connection leaked: " + pool);
        assertEquals(0, pool.getPending(), pool.toString());
        assertTrue(pool.getAvailable() <= 8, "connections reused, at most one per thread: " + pool);
    }

    @Test
    void httpsWithATrustStoreWorksAndCertificatesAreVerifiedOtherwise() throws Exception {
        try (MimecastEmulator https = MimecastEmulator.builder().https(true).build().start()) {
            String group = https.directory().createGroup("Secure").id();
            KeyStoreParameters trustStore = new KeyStoreParameters();
            trustStore.setResource("classpath:" + MimecastEmulator.TRUST_STORE_RESOURCE);
            trustStore.setPassword(MimecastEmulator.STORE_PASSWORD);
            trustStore.setType("PKCS12");
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setKeyStore(trustStore);
            SSLContextParameters tls = new SSLContextParameters();
            tls.setTrustManagers(trustManagers);
            context.getRegistry().bind("emulatorTls", tls);

            String base = "mimecast-directory:find-groups?baseUrl=" + https.baseUrl();
            List<?> groups = template.requestBody(base + "&sslContextParameters=#emulatorTls", null, List.class);
            assertEquals(1, groups.size());
            assertTrue(https.requests().get(0).path().endsWith("find-groups"));
            assertTrue(https.baseUrl().startsWith("https://"), group);

            MimecastApiException untrusted = assertInstanceOf(MimecastApiException.class,
                    assertThrows(CamelExecutionException.class,
                            () -> template.requestBody(base, (Object) null)).getCause());
            assertTrue(untrusted.getMessage().contains("SSLHandshakeException"), untrusted.getMessage());
            assertEquals(1, https.requests().size(), "the untrusted call never reached the server");
        }
    }
}
