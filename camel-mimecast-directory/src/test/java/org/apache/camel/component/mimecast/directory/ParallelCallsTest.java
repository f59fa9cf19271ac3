package org.apache.camel.component.mimecast.directory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.mimecast.directory.model.MemberChangeResult;
import org.apache.camel.component.mimecast.emulator.FaultPlan;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls overlapped against a far-away, rate-limited API: the emulator adds a round trip to every call and keeps an
 * hourly-style quota. Bulk writes send their batches in parallel, up to maxConcurrentCalls per API user, and still
 * answer in input order, say exactly what was applied when one batch fails, and never draw a 429 from the quota.
 */
class ParallelCallsTest extends MimecastTestSupport {

    private static final String ADD = "mimecast-directory:add-group-member?groupId=";

    private static List<String> people(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    @Test
    void aBulkWriteOverlapsItsBatchesAndAnswersInInputOrder() {
        emulator().latency(Duration.ofMillis(100));
        String group = emulator().directory().createGroup("Staff").id();
        List<String> emails = people("p", 200);

        List<MemberChangeResult> added = template.requestBody(ADD + group, emails, List.class);

        assertEquals(emails, added.stream().map(MemberChangeResult::emailAddress).toList(), "input order");
        assertEquals(20, emulator().requests("add-group-member").size(), "the minimum: ceil(200 / 10) calls");
        // Overlapped, never more than maxConcurrentCalls (default 6; the time it saves is measured by the benchmarks).
        assertEquals(6, emulator().maxConcurrentRequests(), "maxConcurrentCalls=6 in flight, never more");
        assertEquals(Set.copyOf(emails), Set.copyOf(emulator().directory().memberEmails(group)));
    }

    @Test
    void aChangesPollReadsItsGroupsOverlappedAndEmitsThemInOrder() throws Exception {
        emulator().latency(Duration.ofMillis(30));
        List<String> groups = new java.util.ArrayList<>();
        for (int g = 0; g < 10; g++) {
            String id = emulator().directory().createGroup("Team " + g).id();
            emulator().directory().addMembers(id, 120);
            groups.add(id);
        }
        List<String> emittedGroups = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?mode=changes&pageSize=50&delay=3600000&initialDelay=0&groupId="
                     + String.join(",", groups))
                        .process(e -> {
                            emittedGroups.add(e.getMessage().getHeader(MimecastDirectoryConstants.GROUP_ID,
                                    String.class));
                            changes.addAndGet(e.getMessage().getBody(List.class).size());
                        });
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> changes.get() == 1200);

        assertEquals(30, emulator().requests("get-group-members").size(), "the minimum: 10 x ceil(120 / 50)");
        assertTrue(emulator().maxConcurrentRequests() > 1 && emulator().maxConcurrentRequests() <= 6,
                "groups overlapped, at most maxConcurrentCalls: " + emulator().maxConcurrentRequests());
        List<String> order = emittedGroups.stream().distinct().toList();
        assertEquals(groups, order, "emitted group after group, in the order of groupId");
        assertEquals(30, emittedGroups.size(), "3 exchanges of 50 changes per group");
    }

    @Test
    void maxConcurrentCallsOfOneIsSequential() {
        emulator().latency(Duration.ofMillis(20));
        String group = emulator().directory().createGroup("Staff").id();
        List<String> emails = people("s", 50);
        template.requestBody(ADD + group + "&maxConcurrentCalls=1", emails, List.class);
        assertEquals(1, emulator().maxConcurrentRequests());
        assertEquals(emails, emulator().directory().memberEmails(group), "sent in input order");
    }

    @Test
    void aFailedBatchOfAParallelWriteSaysExactlyWhatWasApplied() {
        emulator().latency(Duration.ofMillis(50));
        String group = emulator().directory().createGroup("Staff").id();
        List<String> emails = people("f", 100);
        // The third request to arrive fails as a whole (HTTP 500: the emulator applies nothing of it).
        emulator().faults().afterRequests(2, new FaultPlan.Fault(FaultPlan.Kind.STATUS, 500, 0, "add-group-member"),
                1);

        // maxRetries=0: the failed batch stays failed (add-group-member is repeated after a 5xx otherwise).
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(ADD + group + "&maxRetries=0", emails));
        MimecastApiException failure = assertInstanceOf(MimecastApiException.class, thrown.getCause());

        Set<String> claimedApplied = new HashSet<>();
        failure.getSucceeded().forEach(r -> claimedApplied.add(((MemberChangeResult) r).emailAddress()));
        Set<String> reallyApplied = Set.copyOf(emulator().directory().memberEmails(group));
        assertEquals(reallyApplied, claimedApplied, "getSucceeded() is exactly what the group got");
        assertTrue(failure.getMessage().contains("of 100 items in 10 batches, 90 applied; 10 failed (items "),
                failure.getMessage());
        assertEquals(10, failure.getFailures().size(), "one failure per item of the failed batch");
        assertFalse(claimedApplied.isEmpty(), "the other batches were applied");
        long sent = emulator().requests("add-group-member").size();
        assertEquals(sent - 1, claimedApplied.size() / 10, "every answered batch is reported applied");
        assertEquals(10, sent, "every batch sent: the others do not depend on the failed one");
    }

    @Test
    void pacingKeepsThreadsAndEndpointsInsideTheQuota() throws Exception {
        // 12 calls a second for this API user; 300 adds from two routes at once need 30 calls: three windows.
        emulator().rateLimit(12, 1000).latency(Duration.ofMillis(10));
        String group = emulator().directory().createGroup("Staff").id();
        long start = System.nanoTime();
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(
                () -> template.requestBody(ADD + group, people("a", 150)));
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(
                () -> template.requestBody(ADD + group + "&batchSize=10", people("b", 150)));
        CompletableFuture.allOf(first, second).join();
        long took = (System.nanoTime() - start) / 1_000_000;

        List<Integer> statuses = emulator().requests("add-group-member").stream().map(RecordedRequest::status)
                .toList();
        assertFalse(statuses.contains(429), "no call over the quota: " + statuses);
        assertEquals(30, statuses.size());
        assertEquals(300, emulator().directory().memberEmails(group).size());
        assertTrue(took >= 2000, "waited for the quota windows: " + took + " ms");
    }

    @Test
    void neverMore429sThanASequentialClientEvenWhenTheQuotaIsSmallerThanTheCallsInFlight() throws Exception {
        // A fresh component knows nothing of the quota: its first call finds out, the others wait for its answer.
        assertEquals(0, rejectedWhileAdding(1), "sequential");
        assertEquals(0, rejectedWhileAdding(6), "six in flight");
    }

    private long rejectedWhileAdding(int maxConcurrentCalls) throws Exception {
        emulator().reset();
        emulator().rateLimit(3, 1500).latency(Duration.ofMillis(50));
        String group = emulator().directory().createGroup("Staff").id();
        MimecastDirectoryComponent fresh = new MimecastDirectoryComponent();
        configureComponent(fresh.getConfiguration());
        context.addComponent("fresh" + maxConcurrentCalls, fresh);
        template.requestBody("fresh" + maxConcurrentCalls + ":add-group-member?maxConcurrentCalls=" + maxConcurrentCalls
                             + "&groupId=" + group, people("q", 60));
        assertEquals(60, emulator().directory().memberEmails(group).size());
        return emulator().requests("add-group-member").stream().filter(r -> r.status() == 429).count();
    }

    @Test
    void aReserveLeavesPartOfTheQuotaToOtherApplications() {
        emulator().rateLimit(20, 1500);
        String group = emulator().directory().createGroup("Staff").id();
        // Half the quota kept free: at most 10 of the 20 calls of a window, so 150 adds (15 calls) need two windows.
        template.requestBody(ADD + group + "&rateLimitReserve=50", people("r", 150));
        List<RecordedRequest> calls = emulator().requests("add-group-member");
        assertEquals(15, calls.size());
        long firstWindow = calls.stream().filter(c -> !c.receivedAt().isAfter(calls.get(0).receivedAt()
                .plusMillis(1000))).count();
        assertTrue(firstWindow <= 10, firstWindow + " calls in the first window with half the quota reserved");
    }
}
