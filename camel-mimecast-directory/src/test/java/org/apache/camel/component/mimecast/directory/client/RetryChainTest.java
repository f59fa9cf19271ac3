package org.apache.camel.component.mimecast.directory.client;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;
import org.apache.camel.component.mimecast.directory.support.HostileServer;
import org.apache.camel.component.mimecast.directory.support.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.apache.camel.component.mimecast.directory.support.HostileServer.dripped;
import static org.apache.camel.component.mimecast.directory.support.HostileServer.inTurn;
import static org.apache.camel.component.mimecast.directory.support.HostileServer.json;
import static org.apache.camel.component.mimecast.directory.support.HostileServer.withHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's call loop against a scripted server: what is repeated, how often, how an attempt ends, and that every
 * exit path returns its pooled connection.
 */
class RetryChainTest {

    private static final String SECRET = "S3cr3t-Token-Value-XYZ";
    private static final String OK_MEMBERS = "{\"meta\":{\"status\":200},\"data\":[{\"groupMembers\":[]}],\"fail\":[]}";

    private final ScriptedClients clients = new ScriptedClients();
    private final HostileServer server = clients.server;
    private final PooledHttpClient http = clients.http;

    @AfterEach
    void close() {
        clients.close();
    }

    /** Bearer-like authenticator that counts what it is asked and can renew. */
    static class TestAuth implements RequestAuthenticator {
        final AtomicInteger signed = new AtomicInteger();
        final AtomicInteger renewals = new AtomicInteger();

        @Override
        public AuthenticatedHeaders authenticate(String path) {
            String id = "req-" + signed.incrementAndGet();
            Map<String, String> headers = new TreeMap<>();
            headers.put("Authorization", "Bearer " + SECRET);
            headers.put("x-mc-req-id", id);
            return new AuthenticatedHeaders(id, headers);
        }

        @Override
        public String rejectionAdvice() {
            return "check";
        }

        @Override
        public boolean refreshAfterRejection(AuthenticatedHeaders rejected) {
            renewals.incrementAndGet();
            return true;
        }
    }

    private MimecastClient client(TestAuth auth, RetryPolicy policy, int responseTimeout, int maxConcurrent) {
        SecretRedactor redactor = new SecretRedactor();
        redactor.addSecrets(SECRET);
        return client(auth, server.baseUrl(), policy, responseTimeout, maxConcurrent, redactor);
    }

    private MimecastClient client(RequestAuthenticator auth, String baseUrl, RetryPolicy policy, int responseTimeout,
                                  int maxConcurrent, SecretRedactor redactor) {
        return clients.client(auth, baseUrl, policy, responseTimeout, maxConcurrent, redactor);
    }

    private static MimecastRequest read() {
        return MimecastRequest.of(List.of(Map.of("id", "g1")));
    }

    private static HostileServer.Reply delayed(long millis, int status, String json) {
        return (exchange, request) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            json(status, json).send(exchange, request);
        };
    }

    /** How a get-group-members call on another thread ended, interrupted {@code afterMillis} after it started. */
    private record InterruptedCall(long tookMillis, Throwable failure) {
    }

    private static InterruptedCall readInterruptedAfter(MimecastClient client, long afterMillis)
            throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        long[] took = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread caller = new Thread(() -> {
            started.countDown();
            long start = System.nanoTime();
            try {
                client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
            took[0] = (System.nanoTime() - start) / 1_000_000;
        });
        caller.start();
        started.await();
        Thread.sleep(afterMillis);
        caller.interrupt();
        caller.join(20_000);
        return new InterruptedCall(took[0], failure[0]);
    }

    private long leased() {
        return http.poolStats().getLeased();
    }

    // A deadline that fires between leasing a connection and using it makes HttpClient throw unchecked exceptions.
    @Test
    void aDeadlineAtAnyMomentOfAnAttemptEndsAsAMimecastApiException() {
        server.on("/api/directory/get-group-members", delayed(5, 200, OK_MEMBERS));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(0, 0, 1000, 60_000), 1, 1);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Throwable> raw = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            try {
                client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class);
                outcomes.merge("ok", 1, Integer::sum);
            } catch (MimecastApiException e) {
                outcomes.merge("MimecastApiException", 1, Integer::sum);
            } catch (RuntimeException e) {
                outcomes.merge(e.getClass().getName() + ": " + e.getMessage(), 1, Integer::sum);
                if (raw.size() < 1) {
                    raw.add(e);
                }
            }
        }
        assertTrue(raw.isEmpty(), "raw runtime exceptions escaped MimecastClient.call: " + outcomes);
    }

    @Test
    void aWriteThatGotNoPooledConnectionIsReportedAsNotSent() throws Exception {
        server.on("/api/directory/get-group-members", dripped(OK_MEMBERS + " ".repeat(100), 50));
        server.on("/api/directory/add-group-member", json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}"));
        ExecutorService pool = Executors.newFixedThreadPool(HttpClientFactory.MAX_CONNECTIONS);
        try {
            MimecastClient hogs = client(new TestAuth(), new RetryPolicy(0, 0, 1000, 60_000), 20_000, 64);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < HttpClientFactory.MAX_CONNECTIONS; i++) {
                running.add(pool.submit(() -> {
                    try {
                        hogs.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class);
                    } catch (RuntimeException ignored) {
                        // ends when the test closes the server
                    }
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (leased() < HttpClientFactory.MAX_CONNECTIONS && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(HttpClientFactory.MAX_CONNECTIONS, leased(), "pool exhausted");
            MimecastClient writer = client(new TestAuth(), new RetryPolicy(3, 0, 1000, 60_000), 500, 64);
            MimecastApiException failure = assertThrows(MimecastApiException.class,
                    () -> writer.call(MimecastDirectoryOperation.ADD_GROUP_MEMBER,
                            MimecastRequest.of(List.of(Map.of("id", "g1", "emailAddress", "a@example.com"))),
                            JsonNode.class));
            long writes = server.requests().stream().filter(r -> r.path().endsWith("add-group-member")).count();
            assertEquals(0, writes, "the write never reached the server");
            assertFalse(failure.getMessage().contains("may have been applied"), failure.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    // Camel stops a consumer by interrupting its poll.
    @Test
    void anInterruptDuringAnAttemptEndsTheCallPromptly() throws Exception {
        server.on("/api/directory/get-group-members", delayed(10_000, 200, OK_MEMBERS));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(3, 0, 1000, 60_000), 4000, 4);
        InterruptedCall call = readInterruptedAfter(client, 300);
        assertTrue(call.tookMillis() < 1500, "ended " + call.tookMillis() + " ms after start, interrupted at 300 ms");
    }

    // Renewing credentials and sending again would create group A twice.
    @Test
    void aPartlyAppliedBatchWithTokenExpiredIsNotSentAgain() {
        server.on("/api/directory/create-group", inTurn(
                json(200, "{\"meta\":{\"status\":200},\"data\":[{\"id\":\"new-1\",\"description\":\"A\"}],"
                          + "\"fail\":[{\"key\":{\"description\":\"B\"},\"errors\":[{\"code\":\"token_expired\","
                          + "\"message\":\"expired\",\"retryable\":false}]}]}"),
                json(200, "{\"meta\":{\"status\":200},\"data\":[{\"id\":\"new-2\",\"description\":\"A\"},"
                          + "{\"id\":\"new-3\",\"description\":\"B\"}],\"fail\":[]}")));
        TestAuth auth = new TestAuth();
        MimecastClient client = client(auth, new RetryPolicy(2, 0, 1000, 60_000), 5000, 4);
        client.call(MimecastDirectoryOperation.CREATE_GROUP,
                MimecastRequest.of(List.of(Map.of("description", "A"), Map.of("description", "B"))), JsonNode.class);
        List<HostileServer.Request> sent = server.requests();
        assertEquals(1, sent.size(), "group A was created, then the whole batch (A again) was re-sent");
    }

    // The wait for the reset ends milliseconds before the deadline: a write sent then would be cut off half way.
    @Test
    void noAttemptStartsWithTooLittleOfTheCallTimeoutLeft() {
        server.on("/api/directory/add-group-member", inTurn(
                withHeaders(429, "{}", Map.of("X-RateLimit-Reset", "985")),
                delayed(100, 200, "{\"meta\":{\"status\":200},\"data\":[{\"id\":\"g1\"}],\"fail\":[]}")));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(3, 0, 2000, 1000), 5000, 4);
        MimecastApiException e = assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.ADD_GROUP_MEMBER,
                        MimecastRequest.of(List.of(Map.of("id", "g1", "emailAddress", "a@example.com"))),
                        JsonNode.class));
        assertEquals(1, server.requests().size(), "a write sent with milliseconds left: " + e.getMessage());
        assertTrue(e.getMessage().contains("callTimeout"), e.getMessage());
    }

    // The same rule for the wait before a first attempt: another call's Retry-After blocks the API user for a second.
    @Test
    void noFirstAttemptStartsWithTooLittleOfTheCallTimeoutLeftAfterARateLimitWait() {
        server.on("/api/directory/find-groups", withHeaders(429, "{}", Map.of("Retry-After", "1")));
        server.on("/api/directory/add-group-member",
                delayed(700, 200, "{\"meta\":{\"status\":200},\"data\":[{\"id\":\"g1\"}],\"fail\":[]}"));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(0, 0, 2000, 1500), 5000, 4);
        assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.FIND_GROUPS, read(), JsonNode.class));
        MimecastApiException e = assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.ADD_GROUP_MEMBER,
                        MimecastRequest.of(List.of(Map.of("id", "g1", "emailAddress", "a@example.com"))),
                        JsonNode.class));
        assertEquals(0, server.requests().stream().filter(r -> r.path().endsWith("add-group-member")).count(),
                "a write sent with half a second left: " + e.getMessage());
        assertTrue(e.getMessage().contains("not sent"), e.getMessage());
    }

    @Test
    void anInterruptDuringTheWaitBeforeARetryIsReportedAsAnInterrupt() throws Exception {
        server.on("/api/directory/get-group-members", dripped(OK_MEMBERS + " ".repeat(100), 30));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(3, 3000, 5000, 60_000), 300, 4);
        InterruptedCall call = readInterruptedAfter(client, 800);
        MimecastApiException e = assertInstanceOf(MimecastApiException.class, call.failure());
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    }

    @Test
    void aWriteIsRetriedWhenTheConnectionIsRefused() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestAuth auth = new TestAuth();
        MimecastClient client = client(auth, "http://127.0.0.1:" + port, new RetryPolicy(2, 1, 1000, 60_000), 2000,
                4, new SecretRedactor());
        MimecastApiException e = assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.ADD_GROUP_MEMBER,
                        MimecastRequest.of(List.of(Map.of("id", "g1", "emailAddress", "a@example.com"))),
                        JsonNode.class));
        assertEquals(3, auth.signed.get(), e.getMessage());
        assertEquals(0, leased());
    }

    @Test
    void attemptsAreMaxRetriesPlusOneAndEachIsSignedAfresh() {
        server.on("/api/directory/get-group-members", json(503, "{}"));
        // A 429 is a wait, not a failure: the write waits twice, then goes, whatever maxRetries says.
        server.on("/api/directory/add-group-member", inTurn(withHeaders(429, "{}", Map.of("Retry-After", "0")),
                withHeaders(429, "{}", Map.of("X-RateLimit-Reset", "50")),
                json(200, "{\"meta\":{\"status\":200},\"data\":[{\"id\":\"g1\"}],\"fail\":[]}")));
        TestAuth auth = new TestAuth();
        try (LogCapture logs = LogCapture.atDebug(List.of("org.apache.hc.client5.http.wire",
                "org.apache.hc.client5.http.headers"))) {
            MimecastClient client = client(auth, new RetryPolicy(3, 1, 1000, 60_000), 5000, 4);
            MimecastApiException read = assertThrows(MimecastApiException.class,
                    () -> client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class));
            assertEquals(4, server.requests().size(), read.getMessage());
            List<String> ids = server.requests().stream().map(r -> r.headers().get("X-mc-req-id").get(0)).toList();
            assertEquals(4, ids.stream().distinct().count(), "fresh headers per attempt: " + ids);
            assertEquals(1, server.requests().get(1).headers().get("Authorization").size());
            ApiResponse<JsonNode> write = client.call(MimecastDirectoryOperation.ADD_GROUP_MEMBER,
                    MimecastRequest.of(List.of(Map.of("id", "g1", "emailAddress", "a@example.com"))), JsonNode.class);
            assertEquals(7, server.requests().size());
            assertEquals(3, write.attempts());
            for (String line : logs.lines()) {
                assertFalse(line.contains(SECRET), line);
            }
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("Retrying get-group-members")), "retries logged");
        }
        assertEquals(0, leased());
    }

    @Test
    void writesThatAreNotIdempotentAreNotRetriedOn5xxEvenWithRetryAfter() {
        server.on("/api/directory/create-group", withHeaders(503, "{}", Map.of("Retry-After", "0")));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(3, 0, 1000, 60_000), 5000, 4);
        MimecastApiException e = assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.CREATE_GROUP,
                        MimecastRequest.of(List.of(Map.of("description", "Sales"))), JsonNode.class));
        assertEquals(1, server.requests().size(), e.getMessage());
        assertTrue(e.getMessage().contains("may have been applied"), e.getMessage());
        assertEquals(0, leased());
    }

    @Test
    void credentialRenewalOnceThenRetriesStillBounded() {
        server.on("/api/directory/get-group-members", inTurn(json(401, "{}"), json(503, "{}"), json(401, "{}")));
        TestAuth auth = new TestAuth();
        MimecastClient client = client(auth, new RetryPolicy(1, 0, 1000, 60_000), 5000, 4);
        MimecastApiException e = assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class));
        assertEquals(1, auth.renewals.get());
        assertEquals(3, server.requests().size(), e.getMessage());
        assertEquals(401, e.getHttpStatus());
        assertEquals(0, leased());
    }

    @Test
    void gzipRepliesAreDecodedOnce() {
        server.on("/api/directory/get-group-members", (exchange, request) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(("{\"meta\":{\"status\":200},\"data\":[{\"groupMembers\":[{\"emailAddress\":"
                            + "\"a@example.com\"}]}],\"fail\":[]}").getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bytes.size());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes.toByteArray());
            }
        });
        MimecastClient client = client(new TestAuth(), new RetryPolicy(1, 0, 1000, 60_000), 5000, 4);
        ApiResponse<JsonNode> r = client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class);
        assertEquals("a@example.com", r.body().data().get(0).get("groupMembers").get(0).get("emailAddress").asText());
        assertEquals(0, leased());
    }

    @Test
    void noLeaseLeftAfterEveryExitPath() throws Exception {
        server.on("/api/directory/get-group-members", dripped(OK_MEMBERS + " ".repeat(100), 30));
        server.on("/api/directory/find-groups", json(200, "{\"pad\":\"" + "x".repeat(33 * 1024 * 1024) + "\"}"));
        server.on("/api/directory/add-group-member", dripped(OK_MEMBERS + " ".repeat(100), 30));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(1, 0, 1000, 60_000), 400, 4);
        assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class));
        assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.FIND_GROUPS, read(), JsonNode.class));
        assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.ADD_GROUP_MEMBER,
                        MimecastRequest.of(List.of(Map.of("id", "g1", "emailAddress", "a@example.com"))),
                        JsonNode.class));
        RequestAuthenticator failing = new TestAuth() {
            @Override
            public AuthenticatedHeaders authenticate(String path) {
                throw MimecastApiException.ofRequest("no token", "x", 0, null, true);
            }
        };
        MimecastClient broken = client(failing, server.baseUrl(), new RetryPolicy(1, 0, 1000, 60_000), 400, 1,
                new SecretRedactor());
        assertThrows(MimecastApiException.class,
                () -> broken.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class));
        Thread.sleep(200);
        assertEquals(0, leased(), http.poolStats().toString());
    }

    @Test
    void aTimedOutAttemptIsReportedAsATimeout() {
        server.on("/api/directory/get-group-members", dripped(OK_MEMBERS + " ".repeat(100), 30));
        MimecastClient client = client(new TestAuth(), new RetryPolicy(0, 0, 1000, 60_000), 300, 4);
        MimecastApiException e = assertThrows(MimecastApiException.class,
                () -> client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS, read(), JsonNode.class));
        assertTrue(e.getMessage().contains("timed out after 300 ms"), e.getMessage());
        assertInstanceOf(java.io.IOException.class, e.getCause());
    }
}
