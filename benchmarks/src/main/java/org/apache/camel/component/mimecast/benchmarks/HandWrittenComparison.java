package org.apache.camel.component.mimecast.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.emulator.EmulatorCredentials;
import org.apache.camel.component.mimecast.emulator.FaultPlan;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The component against what a Camel user writes without it ({@link HandWrittenRoute}: camel-http, the pages' HMAC
 * sample, Jackson, Camel's redelivery), side by side against the same emulator in one run: lines of route code, CPU
 * per call (read and add, both sides interleaved round after round), a read of a large group and 2,000 adds at
 * 100 ms per call, and 2,000 adds with a fault on the 5th of 200 batches (a 503, a connection dropped after the
 * write was applied, a reply slower than the response timeout after it was applied).
 */
final class HandWrittenComparison {

    static final int READ_MEMBERS = 10_000;
    static final int ADDS = 2_000;
    static final int WARM_UP_ROUNDS = 4;
    static final int ROUNDS = 8;
    static final int LATENCY_MILLIS = 100;
    /** The reads at 100 ms are short (20 calls): three of each, interleaved. */
    static final int WAN_READS = 3;
    static final int FAULTY_BATCH = 5;
    /** The component's default; the hand-written route gets the same. */
    static final long RESPONSE_TIMEOUT = 30_000;
    /** In the fault runs, on both sides: the slow reply comes after {@link #SLOW_REPLY_MILLIS}. */
    static final long FAULT_RESPONSE_TIMEOUT = 1_000;
    static final long SLOW_REPLY_MILLIS = 2_500;
    private static final Path SOURCES = Path.of("benchmarks/src/main/java/org/apache/camel/component/mimecast/benchmarks");

    /** One side: its two direct: endpoints and the header that names the group. */
    record Side(String name, String addUri, String readUri, String groupHeader) {
    }

    static final Side COMPONENT = new Side("component", ComponentRoute.ADD, ComponentRoute.READ,
            MimecastDirectoryConstants.GROUP_ID);
    static final Side HAND_WRITTEN = new Side("hand-written", HandWrittenRoute.ADD, HandWrittenRoute.READ,
            HandWrittenRoute.GROUP_ID);

    /**
     * CPU of one job: the whole process, the process less the emulator's threads (the client with GC and JIT) and the
     * client's Java threads only (no GC, no JIT).
     */
    record Cpu(long processNanos, long notEmulatorNanos, long clientThreadNanos, long clientAllocatedBytes, int calls) {

        long nanos(int measure) {
            return measure == 0 ? clientThreadNanos : measure == 1 ? notEmulatorNanos : processNanos;
        }
    }

    private static final String[] MEASURES = { "client threads", "process less emulator", "whole process" };

    /** A fault run's outcome. */
    record FaultRow(String fault, String side, int members, int requests, String statuses, int redeliveries,
            boolean finished, long millis, String reported) {
    }

    /** A timed run at {@link #LATENCY_MILLIS}. */
    record WanRow(String job, String side, long millis, int calls) {
        double ratio() {
            return (double) millis / ((double) calls * LATENCY_MILLIS);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = (com.sun.management.ThreadMXBean) THREADS;
    private static final com.sun.management.OperatingSystemMXBean OS
            = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private HandWrittenComparison() {
    }

    /** Runs everything and returns the report's lines; also writes {@code csv}. */
    static List<String> run(Path csv) throws Exception {
        List<String> report = new ArrayList<>();
        StringBuilder data = new StringBuilder("part,job,side,value1,value2,value3,note\n");
        int handLines = codeLines("HandWrittenRoute.java") + codeLines("SampleSignature.java");
        int componentLines = codeLines("ComponentRoute.java");
        report.add(String.format("lines of route code: component %d, hand-written %d (HandWrittenRoute + "
                                 + "SampleSignature), ratio %.2f", componentLines, handLines,
                (double) componentLines / handLines));
        data.append("lines,both jobs,component,").append(componentLines).append(",,,\n");
        data.append("lines,both jobs,hand-written,").append(handLines).append(",,,\n");

        try (EmulatedDirectory directory = sideBySide(RESPONSE_TIMEOUT)) {
            cpu(directory, report, data);
            wan(directory, report, data);
        }
        faults(report, data);
        Files.writeString(csv, data);
        return report;
    }

    // ---- CPU per call, both sides interleaved

    private static void cpu(EmulatedDirectory directory, List<String> report, StringBuilder data) throws Exception {
        String big = directory.groupWith(READ_MEMBERS);
        Map<String, List<Cpu>> samples = new TreeMap<>();
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            List<Side> order = round % 2 == 0 ? List.of(COMPONENT, HAND_WRITTEN) : List.of(HAND_WRITTEN, COMPONENT);
            for (Side side : order) {
                Cpu read = measure(directory, "get-group-members", () -> read(directory, side, big));
                String group = directory.groupWith(0);
                Cpu add = measure(directory, "add-group-member", () -> add(directory, side, group));
                if (round >= WARM_UP_ROUNDS) {
                    samples.computeIfAbsent("read " + side.name(), k -> new ArrayList<>()).add(read);
                    samples.computeIfAbsent("add " + side.name(), k -> new ArrayList<>()).add(add);
                }
            }
        }
        for (String job : List.of("read", "add")) {
            List<Cpu> component = samples.get(job + " " + COMPONENT.name());
            List<Cpu> hand = samples.get(job + " " + HAND_WRITTEN.name());
            String what = job.equals("read") ? "read of " + READ_MEMBERS + " members (pageSize 500)"
                    : ADDS + " adds (batches of 10)";
            report.add(String.format("CPU per call, %s, %d rounds, %d calls per job:", what, ROUNDS,
                    component.get(0).calls()));
            for (int measure = 0; measure < MEASURES.length; measure++) {
                int m = measure;
                double c = perCall(component, m);
                double h = perCall(hand, m);
                List<Double> ratios = IntStream.range(0, ROUNDS).mapToObj(
                        i -> perCall(List.of(component.get(i)), m) / perCall(List.of(hand.get(i)), m)).sorted().toList();
                report.add(String.format("  %-21s: component %7.1f us, hand-written %7.1f us, ratio %.2f (rounds "
                                         + "%.2f-%.2f, median %.2f)", MEASURES[m], c / 1000, h / 1000, c / h,
                        ratios.get(0), ratios.get(ratios.size() - 1), ratios.get(ratios.size() / 2)));
                data.append("cpu,").append(job).append(',').append(MEASURES[m]).append(',')
                        .append(String.format("%.0f,%.0f,%.3f,", c, h, c / h))
                        .append("ns per call component / hand-written / ratio\n");
            }
            double c = allocatedPerCall(component);
            double h = allocatedPerCall(hand);
            report.add(String.format("  %-21s: component %7.1f KB, hand-written %7.1f KB, ratio %.2f",
                    "allocated (client)", c / 1024, h / 1024, c / h));
            data.append("allocated,").append(job).append(",client threads,")
                    .append(String.format("%.0f,%.0f,%.3f,", c, h, c / h)).append("bytes per call\n");
        }
    }

    private static double allocatedPerCall(List<Cpu> samples) {
        return (double) samples.stream().mapToLong(Cpu::clientAllocatedBytes).sum()
               / samples.stream().mapToInt(Cpu::calls).sum();
    }

    private static double perCall(List<Cpu> samples, int measure) {
        long nanos = samples.stream().mapToLong(s -> s.nanos(measure)).sum();
        return (double) nanos / samples.stream().mapToInt(Cpu::calls).sum();
    }

    private static Cpu measure(EmulatedDirectory directory, String operation, Callable<?> job) throws Exception {
        int callsBefore = directory.emulator.requests(operation).size();
        Map<Long, Long> allocatedBefore = threadAllocated();
        Map<Long, Long> clientBefore = threadCpu(false);
        Map<Long, Long> emulatorBefore = threadCpu(true);
        long processBefore = OS.getProcessCpuTime();
        job.call();
        long process = OS.getProcessCpuTime() - processBefore;
        long emulator = used(emulatorBefore, threadCpu(true));
        long client = used(clientBefore, threadCpu(false));
        long allocated = used(allocatedBefore, threadAllocated());
        return new Cpu(process, process - emulator, client, allocated,
                directory.emulator.requests(operation).size() - callsBefore);
    }

    /** Bytes allocated by every live Java thread but the emulator's. */
    private static Map<Long, Long> threadAllocated() {
        Map<Long, Long> allocated = new HashMap<>();
        threadCpu(false).keySet().forEach(id -> allocated.put(id, ALLOCATIONS.getThreadAllocatedBytes(id)));
        return allocated;
    }

    private static long used(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream().mapToLong(t -> t.getValue() - before.getOrDefault(t.getKey(), 0L)).sum();
    }

    /**
     * CPU time of the emulator's live threads (its worker pool and the JDK server's dispatcher), or of every other
     * live Java thread.
     */
    private static Map<Long, Long> threadCpu(boolean emulator) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && emulator == (info.getThreadName().startsWith("mimecast-emulator")
                                             || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    // ---- a far-away API

    private static void wan(EmulatedDirectory directory, List<String> report, StringBuilder data) throws Exception {
        String big = directory.groupWith(READ_MEMBERS);
        directory.emulator.latency(Duration.ofMillis(LATENCY_MILLIS));
        List<WanRow> rows = new ArrayList<>();
        for (int run = 0; run < WAN_READS; run++) {
            for (Side side : run % 2 == 0 ? List.of(COMPONENT, HAND_WRITTEN) : List.of(HAND_WRITTEN, COMPONENT)) {
                rows.add(timed(directory, "read of " + READ_MEMBERS, side, "get-group-members",
                        () -> read(directory, side, big)));
            }
        }
        for (Side side : List.of(HAND_WRITTEN, COMPONENT)) {
            String group = directory.groupWith(0);
            rows.add(timed(directory, ADDS + " adds", side, "add-group-member", () -> add(directory, side, group)));
        }
        directory.emulator.latency(Duration.ZERO);
        report.add("At " + LATENCY_MILLIS + " ms per call (ratio: elapsed / calls x latency):");
        for (WanRow row : rows) {
            report.add(String.format("  %-16s %-13s %6d ms, %3d calls, ratio %.2f", row.job(), row.side(),
                    row.millis(), row.calls(), row.ratio()));
            data.append("wan,").append(row.job()).append(',').append(row.side()).append(',').append(row.millis())
                    .append(',').append(row.calls()).append(',').append(String.format("%.3f", row.ratio()))
                    .append(",ms / calls / ratio\n");
        }
    }

    private static WanRow timed(EmulatedDirectory directory, String job, Side side, String operation, Callable<?> run)
            throws Exception {
        int before = directory.emulator.requests(operation).size();
        long start = System.nanoTime();
        run.call();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new WanRow(job, side.name(), millis, directory.emulator.requests(operation).size() - before);
    }

    // ---- the jobs, checked

    private static Object read(EmulatedDirectory directory, Side side, String group) {
        Exchange done = send(directory, side.readUri(), side, group, null);
        List<?> members = done.getMessage().getBody(List.class);
        if (done.getException() != null || members.size() != directory.emulator.directory().members(group).size()) {
            throw new IllegalStateException(side.name() + " read " + (members == null ? 0 : members.size())
                                            + " members", done.getException());
        }
        return members;
    }

    private static Object add(EmulatedDirectory directory, Side side, String group) {
        Exchange done = send(directory, side.addUri(), side, group, emails());
        if (done.getException() != null || directory.emulator.directory().members(group).size() != ADDS) {
            throw new IllegalStateException(side.name() + " did not add every member", done.getException());
        }
        return done;
    }

    private static Exchange send(EmulatedDirectory directory, String uri, Side side, String group, List<String> body) {
        return directory.camel.createProducerTemplate().request(uri, e -> {
            e.getMessage().setHeader(side.groupHeader(), group);
            e.getMessage().setBody(body);
        });
    }

    private static List<String> emails() {
        return IntStream.range(0, ADDS).mapToObj(i -> "new" + i + "@example.com").toList();
    }

    // ---- faults on the 5th of 200 batches

    private static void faults(List<String> report, StringBuilder data) throws Exception {
        report.add(ADDS + " adds, a fault on the " + FAULTY_BATCH + "th of " + ADDS / 10 + " batches (responseTimeout "
                   + FAULT_RESPONSE_TIMEOUT + " ms on both sides):");
        for (String fault : List.of("503", AfterApplyingProxy.Fault.DROPPED_AFTER_APPLYING.name(),
                AfterApplyingProxy.Fault.SLOW_AFTER_APPLYING.name())) {
            for (String side : List.of("component", "hand-written", "hand-written, re-signed on redelivery")) {
                FaultRow row = faultRun(fault, side);
                report.add(String.format("  %-22s %-38s members %4d, requests %3d (%s), Camel redeliveries %d, "
                                         + "finished %-5s %5d ms: %s", row.fault(), row.side(), row.members(),
                        row.requests(), row.statuses(), row.redeliveries(), row.finished(), row.millis(),
                        row.reported()));
                data.append("fault,").append(row.fault()).append(",\"").append(row.side()).append("\",")
                        .append(row.members()).append(',').append(row.requests()).append(',').append(row.finished())
                        .append(",\"").append(row.statuses()).append("; redeliveries ").append(row.redeliveries())
                        .append("; ").append(row.reported().replace('"', '\'')).append("\"\n");
            }
        }
    }

    private static FaultRow faultRun(String fault, String sideName) throws Exception {
        try (EmulatedDirectory directory = new EmulatedDirectory()) {
            AfterApplyingProxy proxy = fault.equals("503") ? null
                    : new AfterApplyingProxy(directory.emulator.baseUrl(), "add-group-member", FAULTY_BATCH,
                            AfterApplyingProxy.Fault.valueOf(fault), SLOW_REPLY_MILLIS);
            try {
                String baseUrl = proxy == null ? directory.emulator.baseUrl() : proxy.baseUrl();
                boolean component = sideName.equals("component");
                directory.camel.getComponent("mimecast-directory", MimecastDirectoryComponent.class)
                        .getConfiguration().setBaseUrl(baseUrl);
                directory.camel.addRoutes(component ? new ComponentRoute(FAULT_RESPONSE_TIMEOUT)
                        : handWritten(directory, baseUrl, FAULT_RESPONSE_TIMEOUT, sideName.contains("re-signed")));
                AtomicInteger redeliveries = new AtomicInteger();
                directory.camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                    @Override
                    public void notify(CamelEvent event) {
                        if (event instanceof CamelEvent.ExchangeRedeliveryEvent) {
                            redeliveries.incrementAndGet();
                        }
                    }
                });
                directory.camel.start();
                if (proxy == null) {
                    directory.emulator.faults().afterRequests(FAULTY_BATCH - 1,
                            new FaultPlan.Fault(FaultPlan.Kind.STATUS, 503, 0, "add-group-member"), 1);
                }
                Side side = component ? COMPONENT : HAND_WRITTEN;
                String group = directory.groupWith(0);
                long start = System.nanoTime();
                Exchange done = send(directory, side.addUri(), side, group, emails());
                long millis = (System.nanoTime() - start) / 1_000_000;
                List<RecordedRequest> requests = directory.emulator.requests("add-group-member");
                String statuses = requests.stream().collect(Collectors.groupingBy(RecordedRequest::status,
                        TreeMap::new, Collectors.counting())).entrySet().stream()
                        .map(e -> (e.getKey() == 0 ? "no reply" : "HTTP " + e.getKey()) + " x" + e.getValue())
                        .collect(Collectors.joining(", "));
                Exception failure = done.getException();
                String reported = failure != null ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                        : component ? "no exception, " + done.getMessage().getBody(List.class).size() + " results, "
                                      + done.getMessage().getHeader(MimecastDirectoryConstants.REQUEST_COUNT)
                                      + " requests reported"
                        : "no exception";
                return new FaultRow(fault, sideName, directory.emulator.directory().members(group).size(),
                        requests.size(), statuses, redeliveries.get(), failure == null, millis, reported);
            } finally {
                if (proxy != null) {
                    proxy.close();
                }
            }
        }
    }

    // ---- the two sides in one CamelContext

    private static EmulatedDirectory sideBySide(long responseTimeout) throws Exception {
        EmulatedDirectory directory = new EmulatedDirectory();
        directory.camel.addRoutes(new ComponentRoute(responseTimeout));
        directory.camel.addRoutes(handWritten(directory, directory.emulator.baseUrl(), responseTimeout, false));
        directory.camel.start();
        return directory;
    }

    private static RoutesBuilder handWritten(EmulatedDirectory directory, String baseUrl, long responseTimeout,
                                             boolean resignOnRedelivery) {
        EmulatorCredentials keys = directory.emulator.credentials();
        return new HandWrittenRoute(baseUrl,
                new SampleSignature(keys.accessKey(), keys.secretKey(), keys.appId(), keys.appKey()),
                responseTimeout, resignOnRedelivery);
    }

    /** Lines of a source file of this package that are code: no blank, comment, package or import lines. */
    private static int codeLines(String file) throws Exception {
        Path source = SOURCES.resolve(file);
        if (!Files.exists(source)) {
            throw new IllegalStateException("Run from the project's root directory: " + source + " not found");
        }
        return (int) Files.readAllLines(source).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith("*")
                             && !l.startsWith("package ") && !l.startsWith("import "))
                .count();
    }
}
