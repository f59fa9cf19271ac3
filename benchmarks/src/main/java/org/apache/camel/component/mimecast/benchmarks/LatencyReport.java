package org.apache.camel.component.mimecast.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;

/**
 * The two scenarios of a far-away API, side by side at 0, 100 and 300 ms per call: a changes poll of 10 groups of
 * 2,000 members (pageSize 500: 40 reads at the least) and a 2,000-member add (batches of 10: 200 writes at the least),
 * each with maxConcurrentCalls 1 (sequential), 4, 6 (the default) and 16. The ratio is the elapsed time over
 * calls x latency: 1.0 is a sequential client with no overhead. Then the same add under an emulator quota, counting
 * 429s.
 */
final class LatencyReport {

    static final int GROUPS = 10;
    static final int MEMBERS = 2_000;
    static final int PAGE_SIZE = 500;
    static final int[] LATENCIES = { 0, 100, 300 };
    static final int[] CONCURRENCY = { 1, 4, 6, 16 };

    /** One measurement. */
    record Row(String scenario, int latencyMillis, int maxConcurrentCalls, long millis, int calls, int minimumCalls,
            int rejected) {

        double ratio() {
            return latencyMillis == 0 ? Double.NaN : (double) millis / ((double) calls * latencyMillis);
        }

        @Override
        public String toString() {
            return String.format("%-12s latency %3d ms  maxConcurrentCalls %2d  %6d ms  calls %3d (minimum %3d)"
                                 + "  429s %d  ratio %s",
                    scenario, latencyMillis, maxConcurrentCalls, millis, calls, minimumCalls, rejected,
                    latencyMillis == 0 ? "-" : String.format("%.2f", ratio()));
        }
    }

    private LatencyReport() {
    }

    static List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int latency : LATENCIES) {
            for (int concurrency : CONCURRENCY) {
                rows.add(changesPoll(latency, concurrency, 0));
                rows.add(bulkAdd(latency, concurrency, 0));
            }
        }
        // An hourly-style quota squeezed into a 2 s window: 60 calls per window for 200 writes.
        rows.add(bulkAdd(100, 4, 60));
        rows.add(bulkAdd(100, 16, 60));
        return rows;
    }

    private static Row changesPoll(int latency, int concurrency, int quota) throws Exception {
        try (EmulatedDirectory directory = new EmulatedDirectory()) {
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                groups.add(directory.groupWith(MEMBERS));
            }
            directory.emulator.latency(Duration.ofMillis(latency));
            AtomicInteger changes = new AtomicInteger();
            directory.camel.start();
            warmUp(directory, concurrency);
            long start = System.nanoTime();
            directory.camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mimecast-directory:get-group-members?mode=changes&initialDelay=0&delay=3600000&pageSize="
                         + PAGE_SIZE + "&maxConcurrentCalls=" + concurrency + "&groupId=" + String.join(",", groups))
                            .process(e -> changes.addAndGet(e.getMessage().getBody(List.class).size()));
                }
            });
            awaitCount(changes, GROUPS * MEMBERS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<RecordedRequest> calls = directory.emulator.requests("get-group-members");
            return new Row("changes poll", latency, concurrency, millis, calls.size(),
                    GROUPS * ((MEMBERS + PAGE_SIZE - 1) / PAGE_SIZE), rejected(calls));
        }
    }

    private static Row bulkAdd(int latency, int concurrency, int quota) throws Exception {
        try (EmulatedDirectory directory = new EmulatedDirectory()) {
            String group = directory.groupWith(0);
            directory.emulator.latency(Duration.ofMillis(latency));
            if (quota > 0) {
                directory.emulator.rateLimit(quota, 2000);
            }
            directory.camel.start();
            List<String> emails = IntStream.range(0, MEMBERS).mapToObj(i -> "new" + i + "@example.com").toList();
            ProducerTemplate template = directory.camel.createProducerTemplate();
            warmUp(directory, concurrency);
            long start = System.nanoTime();
            template.requestBody("mimecast-directory:add-group-member?maxConcurrentCalls=" + concurrency + "&groupId="
                                 + group, emails);
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<RecordedRequest> calls = directory.emulator.requests("add-group-member");
            if (directory.emulator.directory().memberEmails(group).size() != MEMBERS) {
                throw new IllegalStateException("the add did not apply every member");
            }
            return new Row(quota > 0 ? "add, quota " + quota : "2,000 adds", latency, concurrency, millis,
                    calls.size(), MEMBERS / 10, rejected(calls));
        }
    }

    /**
     * A running application: the first call of a component finds out whether the API user has a quota (the others
     * wait for its answer, one round trip), and opens a connection. Same maxConcurrentCalls: the first endpoint of an
     * API user sets the limit.
     */
    private static void warmUp(EmulatedDirectory directory, int concurrency) {
        directory.camel.createProducerTemplate().requestBody(
                "mimecast-directory:get-connection?maxConcurrentCalls=" + concurrency, (Object) null);
    }

    private static int rejected(List<RecordedRequest> calls) {
        return (int) calls.stream().filter(c -> c.status() == 429).count();
    }

    private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (count.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the poll emitted " + count.get() + " of " + expected + " changes");
            }
            Thread.sleep(5);
        }
    }
}
