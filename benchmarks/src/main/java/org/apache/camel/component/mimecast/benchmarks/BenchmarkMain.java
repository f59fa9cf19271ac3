package org.apache.camel.component.mimecast.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.apache.camel.component.mimecast.directory.consumer.JdbcStateScaleReport;
import org.apache.camel.component.mimecast.directory.consumer.StateStoreReport;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs everything in one go and prints the ratios: the JMH benchmarks (producer vs raw client, signer), then the
 * scale report over 1,000 / 10,000 / 100,000 members, which also writes docs/performance.png and
 * docs/performance-data.csv, the state store report, the latency report and the comparison with a hand-written
 * camel-http route. One part alone: argument {@code latency} or {@code hand-written}
 * ({@code -Dbenchmark.part=...} with exec:exec).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    private static void printRatio(Map<String, Double> scores, String label, String metric) {
        Double camel = scores.get("camelRoute " + metric);
        Double raw = scores.get("rawHttpClient " + metric);
        if (camel == null || raw == null) {
            throw new IllegalStateException("Missing " + metric + " score: a benchmark failed, see the log above");
        }
        System.out.printf("  %s: %.3f%n", label, camel / raw);
    }

    public static void main(String[] args) throws Exception {
        String part = args.length > 0 ? args[0] : "all";
        if (part.equals("latency")) {
            latency();
            return;
        }
        if (part.equals("jdbc-state") || args.length > 0 && args[0].equals("jdbc-state")) {
            jdbcState(Files.createTempDirectory("mimecast-bench"));
            return;
        }
        if (part.equals("hand-written")) {
            handWritten();
            return;
        }
        if (!part.equals("all")) {
            throw new IllegalArgumentException("Unknown part " + part + ": use all, latency, jdbc-state or hand-written");
        }
        Options options = new OptionsBuilder()
                .include(ProducerOverheadBenchmark.class.getSimpleName())
                .include(SignerBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(3))
                .measurementIterations(5).measurementTime(TimeValue.seconds(4))
                .jvmArgs("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "") + " "
                          + result.getParams().getMode().shortLabel();
            scores.put(name, result.getPrimaryResult().getScore());
            if (result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
                var stats = result.getPrimaryResult().getStatistics();
                scores.put(name + " p50", stats.getPercentile(50));
                scores.put(name + " p99", stats.getPercentile(99));
            }
        }
        System.out.println();
        System.out.println("== Producer overhead (one signed get-group-members call, 25 members) ==");
        scores.forEach((k, v) -> System.out.printf("  %-32s %12.4f%n", k, v));
        printRatio(scores, "throughput ratio camel/raw  ", "thrpt");
        printRatio(scores, "p50 latency ratio camel/raw ", "sample p50");
        printRatio(scores, "p99 latency ratio camel/raw ", "sample p99");

        Path workDir = Files.createTempDirectory("mimecast-bench");
        List<ScaleReport.Row> rows = ScaleReport.run(new int[] { 1_000, 10_000, 100_000 }, workDir);
        System.out.println();
        System.out.println("== Scale (pageSize " + ScaleReport.PAGE_SIZE + ") ==");
        StringBuilder csv = new StringBuilder("members,paginate_ms,paginate_requests,paginate_allocated_bytes,"
                                              + "paginate_retained_bytes,snapshot_ms,snapshot_peak_live_bytes,"
                                              + "changes_poll_ms,changes_emitted,state_file_bytes\n");
        for (ScaleReport.Row r : rows) {
            System.out.println("  " + r);
            csv.append(r.members()).append(',').append(r.paginateMillis()).append(',').append(r.paginateRequests())
                    .append(',').append(r.paginateAllocatedBytes()).append(',').append(r.paginateRetainedBytes())
                    .append(',').append(r.snapshotMillis()).append(',').append(r.snapshotPeakLiveBytes()).append(',')
                    .append(r.changesPollMillis()).append(',').append(r.changesEmitted()).append(',')
                    .append(r.stateFileBytes()).append('\n');
        }
        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("performance-data.csv"), csv);
        PerformancePlot.write(rows, docs.resolve("performance.png"));
        System.out.println("Wrote docs/performance-data.csv and docs/performance.png");

        System.out.println();
        System.out.println("== Changes consumer state at 100,000 members ==");
        StateStoreReport.run(workDir.resolve("state")).forEach(line -> System.out.println("  " + line));

        jdbcState(workDir);
        latency();
        handWritten();
    }

    /** The component against a hand-written camel-http route; writes docs/performance-handwritten.csv. */
    private static void handWritten() throws Exception {
        System.out.println();
        System.out.println("== The component vs a hand-written camel-http route ==");
        Path csv = Path.of("docs", "performance-handwritten.csv");
        Files.createDirectories(csv.getParent());
        HandWrittenComparison.run(csv).forEach(line -> System.out.println("  " + line));
        System.out.println("Wrote " + csv);
    }

    /** The two JDBC state stores at 100,000 and 1,000,000 members on PostgreSQL. */
    private static void jdbcState(Path workDir) throws Exception {
        System.out.println();
        System.out.println("== Changes consumer state on PostgreSQL: one value per group against one row per member ==");
        JdbcStateScaleReport.run(workDir.resolve("jdbc-state"), System.out::println);
    }

    /** The far-away API scenarios; writes docs/performance-latency.csv and docs/performance-latency.png. */
    private static void latency() throws Exception {
        System.out.println();
        System.out.println("== Latency: sequential vs overlapped calls ==");
        List<LatencyReport.Row> rows = LatencyReport.run();
        StringBuilder csv = new StringBuilder("scenario,latency_ms,max_concurrent_calls,millis,calls,minimum_calls,"
                                              + "rejected_429,ratio\n");
        for (LatencyReport.Row r : rows) {
            System.out.println("  " + r);
            // Quoted: scenario names hold commas ("2,000 adds").
            csv.append('"').append(r.scenario()).append("\",").append(r.latencyMillis()).append(',').append(r.maxConcurrentCalls())
                    .append(',').append(r.millis()).append(',').append(r.calls()).append(',').append(r.minimumCalls())
                    .append(',').append(r.rejected()).append(',')
                    .append(r.latencyMillis() == 0 ? "" : String.format("%.3f", r.ratio())).append('\n');
        }
        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("performance-latency.csv"), csv);
        LatencyPlot.write(rows, docs.resolve("performance-latency.png"));
        System.out.println("Wrote docs/performance-latency.csv and docs/performance-latency.png");
    }
}
