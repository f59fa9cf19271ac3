package org.apache.camel.component.mimecast.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Measures, per directory size: a full paginate=true read (time, requests, bytes allocated by the calling thread,
 * heap retained), the snapshot consumer (time, peak live heap while streaming) and the changes consumer with 1% churn
 * (time of the poll that finds the changes, state size on disk).
 */
final class ScaleReport {

    static final int PAGE_SIZE = 500;

    /** One row of the report. */
    record Row(int members, long paginateMillis, int paginateRequests, long paginateAllocatedBytes,
            long paginateRetainedBytes, long snapshotMillis, long snapshotPeakLiveBytes, long changesPollMillis,
            int changesEmitted, long stateFileBytes) {
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ScaleReport() {
    }

    static List<Row> run(int[] sizes, Path workDir) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            try (EmulatedDirectory directory = new EmulatedDirectory()) {
                rows.add(measure(directory, size, workDir.resolve("state-" + size)));
            }
        }
        return rows;
    }

    private static Row measure(EmulatedDirectory directory, int size, Path stateFile) throws Exception {
        String group = directory.groupWith(size);
        AtomicInteger snapshotMembers = new AtomicInteger();
        AtomicLong peakLive = new AtomicLong();
        AtomicInteger changes = new AtomicInteger();
        Files.deleteIfExists(stateFile);
        directory.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?startScheduler=false&pageSize=" + PAGE_SIZE + "&groupId="
                     + group).routeId("snapshot")
                        .process(e -> {
                            snapshotMembers.addAndGet(e.getMessage().getBody(List.class).size());
                            int page = e.getMessage().getHeader(MimecastDirectoryConstants.PAGE_NUMBER, Integer.class);
                            if (page % 20 == 0 || e.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)) {
                                peakLive.accumulateAndGet(liveHeap(), Math::max);
                            }
                        });
                from("mimecast-directory:get-group-members?mode=changes&startScheduler=false&pageSize=" + PAGE_SIZE
                     + "&stateFile=" + stateFile + "&groupId=" + group).routeId("changes")
                        .process(e -> changes.addAndGet(e.getMessage().getBody(List.class).size()));
            }
        });
        directory.camel.start();
        var template = directory.camel.createProducerTemplate();
        String uri = "mimecast-directory:get-group-members?paginate=true&pageSize=" + PAGE_SIZE + "&groupId=" + group;
        template.requestBody(uri, null, List.class); // warm up connection and classes

        // 1. paginate=true
        int requestsBefore = directory.emulator.requests("get-group-members").size();
        long baseline = liveHeap();
        long allocatedBefore = allocatedByThisThread();
        long start = System.nanoTime();
        List<?> members = template.requestBody(uri, null, List.class);
        long paginateMillis = (System.nanoTime() - start) / 1_000_000;
        long allocated = allocatedByThisThread() - allocatedBefore;
        long retained = liveHeap() - baseline;
        int requests = directory.emulator.requests("get-group-members").size() - requestsBefore;
        if (members.size() != size) {
            throw new IllegalStateException("read " + members.size() + " of " + size);
        }
        members = null;

        // 2. snapshot consumer, one poll, pages streamed
        long snapshotBaseline = liveHeap();
        start = System.nanoTime();
        pollOnce(directory, "snapshot");
        long snapshotMillis = (System.nanoTime() - start) / 1_000_000;
        if (snapshotMembers.get() != size) {
            throw new IllegalStateException("snapshot emitted " + snapshotMembers.get() + " of " + size);
        }
        long snapshotPeak = Math.max(0, peakLive.get() - snapshotBaseline);

        // 3. changes consumer: a baseline poll, 1% churn, the measured poll
        pollOnce(directory, "changes");
        int churn = Math.max(1, size / 200);
        for (int i = 1; i <= churn; i++) {
            directory.emulator.directory().removeMember(group, String.format("user%05d@example.com", i));
            directory.emulator.directory().addMember(group, "hire" + i + "@example.com", null);
        }
        changes.set(0);
        start = System.nanoTime();
        pollOnce(directory, "changes");
        long changesMillis = (System.nanoTime() - start) / 1_000_000;
        if (changes.get() != 2 * churn) {
            throw new IllegalStateException("changes emitted " + changes.get() + ", expected " + 2 * churn);
        }
        return new Row(size, paginateMillis, requests, allocated, retained, snapshotMillis, snapshotPeak,
                changesMillis, changes.get(), Files.size(stateFile));
    }

    /** Runs one poll of a route's consumer on this thread (the scheduler is not started). */
    private static void pollOnce(EmulatedDirectory directory, String routeId) {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) directory.camel.getRoute(routeId).getConsumer();
        consumer.run();
    }

    private static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
