package org.apache.camel.component.mimecast.directory.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * What the changes consumer's durable state costs at 100,000 members: the write per completed exchange (journal
 * append + fsync for stateFile; the whole encoded membership for a StateRepository), the compaction at the end of a
 * group's poll, the size on disk, and whole polls through the emulator. In the consumer's package to reach the
 * package-private stores; run by {@code BenchmarkMain} or alone ({@code main}).
 */
public final class StateStoreReport {

    static final int MEMBERS = 100_000;
    static final int PAGE = 500;

    private StateStoreReport() {
    }

    public static void main(String[] args) throws Exception {
        run(Files.createTempDirectory("mimecast-state-bench")).forEach(System.out::println);
    }

    public static List<String> run(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= MEMBERS; i++) {
            members.add(String.format(Locale.ROOT, "user%05d@example.com", i));
        }

        // stateFile: a baseline of 200 exchanges of 500 members, then 1,000 exchanges of one change (splitMembers).
        FileMembershipStore file = new FileMembershipStore(dir.resolve("members.state"));
        long[] baseline = new long[MEMBERS / PAGE];
        for (int e = 0; e < baseline.length; e++) {
            long start = System.nanoTime();
            file.apply("group-1", members.subList(e * PAGE, (e + 1) * PAGE), List.of());
            baseline[e] = System.nanoTime() - start;
        }
        long start = System.nanoTime();
        file.completePoll("group-1");
        long compaction = System.nanoTime() - start;
        long snapshotBytes = Files.size(dir.resolve("members.state"));
        long[] single = new long[1000];
        for (int e = 0; e < single.length; e++) {
            start = System.nanoTime();
            file.apply("group-1", List.of("hire" + e + "@example.com"), List.of(members.get(e)));
            single[e] = System.nanoTime() - start;
        }
        long journalBytes = Files.size(dir.resolve("members.state.journal"));
        file.completePoll("group-1");
        file.close();
        lines.add(row("stateFile, exchange of 500 ADDED (journal append + fsync)", baseline));
        lines.add(row("stateFile, exchange of 1 change (journal append + fsync)", single));
        lines.add(String.format(Locale.ROOT, "stateFile, compaction of 100,000 members (snapshot, fsync, rename): "
                                             + "%.1f ms; snapshot %,d bytes; journal after 1,000 exchanges %,d bytes",
                compaction / 1e6, snapshotBytes, journalBytes));

        // stateRepository: the whole membership written per exchange.
        MemoryStateRepository memory = new MemoryStateRepository();
        RepositoryMembershipStore repository = new RepositoryMembershipStore(memory);
        repository.apply("group-1", members, List.of());
        long[] repositoryWrites = new long[50];
        for (int e = 0; e < repositoryWrites.length; e++) {
            start = System.nanoTime();
            repository.apply("group-1", List.of("hire" + e + "@example.com"), List.of(members.get(e)));
            repositoryWrites[e] = System.nanoTime() - start;
        }
        lines.add(row("stateRepository (MemoryStateRepository), exchange of 1 change", repositoryWrites));
        lines.add(String.format(Locale.ROOT, "stateRepository value for 100,000 members: %,d characters",
                memory.getState(RepositoryMembershipStore.key("group-1")).length()));

        lines.addAll(polls(dir.resolve("consumer.state")));
        return lines;
    }

    /** Whole polls of a changes consumer with stateFile against the emulator on loopback. */
    private static List<String> polls(Path stateFile) throws Exception {
        List<String> lines = new ArrayList<>();
        try (MimecastEmulator emulator = MimecastEmulator.builder().build().start()) {
            String group = emulator.directory().createGroup("Everyone").id();
            emulator.directory().addMembers(group, MEMBERS);
            CamelContext camel = new DefaultCamelContext();
            MimecastDirectoryComponent component = new MimecastDirectoryComponent();
            PropertyBindingSupport.bindProperties(camel, component.getConfiguration(),
                    new HashMap<String, Object>(emulator.componentOptions()));
            camel.addComponent("mimecast-directory", component);
            AtomicInteger changes = new AtomicInteger();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mimecast-directory:get-group-members?mode=changes&startScheduler=false&pageSize=" + PAGE
                         + "&stateFile=" + stateFile + "&groupId=" + group).routeId("changes")
                            .process(e -> changes.addAndGet(e.getMessage().getBody(List.class).size()));
                }
            });
            camel.start();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute("changes").getConsumer();
            long start = System.nanoTime();
            consumer.run();
            lines.add(String.format(Locale.ROOT, "changes poll, baseline of 100,000 (200 exchanges): %,d ms, %d calls",
                    (System.nanoTime() - start) / 1_000_000, emulator.requests("get-group-members").size()));

            for (String label : List.of("no change", "0.5% joined + 0.5% left")) {
                if (!label.equals("no change")) {
                    for (int i = 1; i <= MEMBERS / 200; i++) {
                        emulator.directory().removeMember(group, String.format(Locale.ROOT, "user%05d@example.com", i));
                        emulator.directory().addMember(group, "hire" + i + "@example.com", null);
                    }
                }
                changes.set(0);
                int calls = emulator.requests("get-group-members").size();
                start = System.nanoTime();
                consumer.run();
                lines.add(String.format(Locale.ROOT, "changes poll, %s: %,d ms, %d changes, %d calls", label,
                        (System.nanoTime() - start) / 1_000_000, changes.get(),
                        emulator.requests("get-group-members").size() - calls));
            }
            lines.add(String.format(Locale.ROOT, "stateFile on disk after these polls: %,d bytes",
                    Files.size(stateFile)));
            camel.stop();
        }
        return lines;
    }

    private static String row(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000;
        return String.format(Locale.ROOT, "%s: mean %.0f µs, p50 %.0f µs, p99 %.0f µs (%d exchanges)", what, mean,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0, nanos.length);
    }
}
