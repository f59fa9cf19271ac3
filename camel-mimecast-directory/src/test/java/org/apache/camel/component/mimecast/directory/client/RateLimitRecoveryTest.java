package org.apache.camel.component.mimecast.directory.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;
import org.apache.camel.component.mimecast.directory.support.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.apache.camel.component.mimecast.directory.support.HostileServer.inTurn;
import static org.apache.camel.component.mimecast.directory.support.HostileServer.json;
import static org.apache.camel.component.mimecast.directory.support.HostileServer.withHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quota of an API user always recovers: no rate limit header, however missing, malformed or absurd, blocks calls
 * for longer than Mimecast's window, and 429s are waited out within callTimeout instead of failing calls. Against a
 * scripted server.
 */
class RateLimitRecoveryTest {

    private static final String OK = "{\"meta\":{\"status\":200},\"data\":[{\"groupMembers\":[]}],\"fail\":[]}";
    private static final String PATH = "/api/directory/get-group-members";

    private final ScriptedClients clients = new ScriptedClients();
    private final HostileServer server = clients.server;
    private final PooledHttpClient http = clients.http;

    @AfterEach
    void close() {
        clients.close();
    }

    private MimecastClient client(RetryPolicy policy, int maxConcurrent) {
        return clients.client(new RetryChainTest.TestAuth(), server.baseUrl(), policy, 2000, maxConcurrent,
                new SecretRedactor());
    }

    private static ApiResponse<JsonNode> read(MimecastClient client) {
        return client.call(MimecastDirectoryOperation.GET_GROUP_MEMBERS,
                MimecastRequest.of(List.of(Map.of("id", "g1"))), JsonNode.class);
    }

    static Stream<Arguments> unusableResets() {
        List<Arguments> cases = new ArrayList<>();
        for (int status : new int[] { 429, 200 }) {
            for (String reset : new String[] { null, "soon", "-5", "NaN", "Infinity", "" }) {
                for (String name : new String[] { "X-RateLimit-Remaining", "x-ratelimit-remaining" }) {
                    cases.add(Arguments.of(status, reset, name));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "HTTP {0}, remaining 0, reset {1}, header {2}")
    @MethodSource("unusableResets")
    void aSpentQuotaWithoutAUsableResetRecoversWithinSeconds(int status, String reset, String remainingName) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put(remainingName, "0");
        if (reset != null) {
            headers.put("X-RateLimit-Reset", reset);
        }
        server.on(PATH, inTurn(withHeaders(status, status == 200 ? OK : "{}", headers), json(200, OK)));
        MimecastClient client = client(new RetryPolicy(3, 200, 5000, 20_000), 4);
        for (int call = 0; call < 4; call++) {
            long start = System.nanoTime();
            read(client);
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 3000, "call " + call + " took " + took + " ms");
        }
        assertEquals(status == 429 ? 5 : 4, server.requests().size(), "later calls are sent");
    }

    @ParameterizedTest(name = "reset {0}")
    @MethodSource("usableResets")
    void aSpentQuotaWaitsForAReadableResetAndThenGoes(String reset, long atLeastMillis) {
        server.on(PATH, inTurn(withHeaders(429, "{}", Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset)),
                json(200, OK)));
        MimecastClient client = client(new RetryPolicy(0, 200, 5000, 20_000), 4);
        long start = System.nanoTime();
        ApiResponse<JsonNode> response = read(client);
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= atLeastMillis && took < atLeastMillis + 3000, took + " ms");
        assertEquals(2, response.attempts(), "a 429 is a wait, not a failure: maxRetries=0 still sends again");
    }

    static Stream<Arguments> usableResets() {
        return Stream.of(Arguments.of("700", 700L), Arguments.of("450.7", 450L), Arguments.of("0", 0L));
    }

    @Test
    void aHugeResetEndsCallsAtOnceAsRetryableNeverForLongerThanTheWindow() {
        server.on(PATH, withHeaders(429, "{}", Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                "99999999999999999999")));
        MimecastClient client = client(new RetryPolicy(3, 200, 5000, 20_000), 4);
        for (int call = 0; call < 3; call++) {
            long start = System.nanoTime();
            MimecastApiException e = assertThrows(MimecastApiException.class, () -> read(client));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 2000, took + " ms: " + e.getMessage());
            assertTrue(e.isRetryable() && e.getHttpStatus() == 429, e.getMessage());
            long asked = Long.parseLong(e.getMessage().replaceAll(".*for another (\\d+) ms.*", "$1"));
            assertTrue(asked <= ApiUserQuota.MAX_SERVER_WAIT_MILLIS, e.getMessage());
        }
        assertEquals(1, server.requests().size(), "the wait is kept, not probed");
    }

    // 32 queued 429s, each with a 300 ms reset, met by 64 calls from 16 threads: every call succeeds, and the only
    // requests beyond one per call are the 429s themselves.
    @Test
    void manyThreadsThroughQueued429sAllSucceedWithNoExtraRequests() throws Exception {
        AtomicInteger rejectionsLeft = new AtomicInteger(32);
        server.on(PATH, (exchange, body) -> {
            if (rejectionsLeft.getAndDecrement() > 0) {
                withHeaders(429, "{}", Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "300"))
                        .send(exchange, body);
            } else {
                json(200, OK).send(exchange, body);
            }
        });
        MimecastClient client = client(new RetryPolicy(3, 200, 60_000, 120_000), 16);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<ApiResponse<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(threads.submit(() -> read(client)));
            }
            for (Future<ApiResponse<JsonNode>> call : calls) {
                call.get(100, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(96, server.requests().size());
        assertEquals(32, client.statistics().rateLimitedAnswers());
        assertEquals(0, client.statistics().failures());
    }

    @Test
    void aQuotaIsFreedForEveryHolderOnlyWhenTheLastGivesItBack() {
        int before = ApiUserQuotas.size();
        ApiUserQuotas.Lease first = ApiUserQuotas.take("https://eu-api.mimecast.com", "user-1");
        ApiUserQuotas.Lease second = ApiUserQuotas.take("https://eu-api.mimecast.com", "user-1");
        ApiUserQuotas.Lease other = ApiUserQuotas.take("https://us-api.mimecast.com", "user-1");
        assertTrue(first.quota() == second.quota(), "one quota per user and host");
        assertTrue(first.quota() != other.quota());
        first.close();
        first.close();
        assertEquals(before + 2, ApiUserQuotas.size());
        second.close();
        other.close();
        assertEquals(before, ApiUserQuotas.size());
    }

    @Test
    void a429ForEverWithATinyResetIsNotHammered() {
        server.on(PATH, withHeaders(429, "{}", Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1")));
        MimecastClient client = client(new RetryPolicy(3, 200, 5000, 2000), 4);
        assertThrows(MimecastApiException.class, () -> read(client));
        assertTrue(server.requests().size() <= 21, server.requests().size() + " requests in 2 s");
    }

    @Test
    void answersWithoutARemainingQuotaDoNotMakeCallsGoOneAtATime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        server.on(PATH, (exchange, body) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            withHeaders(200, OK, Map.of("X-RateLimit-Limit", "1000")).send(exchange, body);
        });
        MimecastClient client = client(new RetryPolicy(3, 200, 5000, 20_000), 8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiResponse<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(threads.submit(() -> read(client)));
            }
            for (Future<ApiResponse<JsonNode>> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(mostInFlight.get() > 1, "calls overlapped: at most " + mostInFlight.get() + " at once");
    }

    @Test
    void anAnswerWithoutHeadersDoesNotEndASpentWindow() {
        // The first answer spends the quota for 1.5 s; the next, from a gateway that strips the headers, must not
        // end that window early.
        server.on(PATH, inTurn(withHeaders(200, OK, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                "1500")), json(200, OK)));
        MimecastClient client = client(new RetryPolicy(3, 200, 5000, 20_000), 4);
        read(client);
        long start = System.nanoTime();
        read(client);
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= 1400, "waited for the window: " + took + " ms");
    }

    @Test
    void aRetryAfterOnA503HoldsOnlyTheCallThatGotIt() {
        server.on(PATH, withHeaders(503, "{}", Map.of("Retry-After", "600")));
        server.on("/api/directory/find-groups", json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}"));
        MimecastClient client = client(new RetryPolicy(3, 200, 5000, 20_000), 4);
        MimecastApiException e = assertThrows(MimecastApiException.class, () -> read(client));
        assertTrue(e.getMessage().contains("Not waiting 600000 ms"), e.getMessage());
        long start = System.nanoTime();
        client.call(MimecastDirectoryOperation.FIND_GROUPS, MimecastRequest.of(List.of(Map.of("query", "x"))),
                JsonNode.class);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2000, "another call of the user was not held");
    }

    @Test
    void aSuccessWhoseBodyCannotBeReadIsRepeatedOnlyWhereThatIsHarmless() {
        server.on("/api/directory/create-group", json(200, "not json"));
        server.on("/api/directory/add-group-member", inTurn(json(200, ""),
                json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}")));
        MimecastClient client = client(new RetryPolicy(3, 10, 5000, 20_000), 4);
        MimecastApiException created = assertThrows(MimecastApiException.class, () -> client.call(
                MimecastDirectoryOperation.CREATE_GROUP, MimecastRequest.of(List.of(Map.of("description", "Sales"))),
                JsonNode.class));
        assertTrue(created.isMayHaveBeenApplied() && !created.isRetryable(), created.getMessage());
        assertEquals(1, server.requests().size(), "create-group not sent again");
        ApiResponse<JsonNode> added = client.call(MimecastDirectoryOperation.ADD_GROUP_MEMBER,
                MimecastRequest.of(List.of(Map.of("id", "g1", "emailAddress", "a@example.com"))), JsonNode.class);
        assertEquals(2, added.attempts(), "a member write is repeated");
        assertTrue(added.repeated());
    }
}
