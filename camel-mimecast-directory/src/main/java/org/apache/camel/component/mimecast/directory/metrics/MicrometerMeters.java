package org.apache.camel.component.mimecast.directory.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.client.CallStatistics;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.RateLimitStatus;
import org.apache.camel.component.mimecast.directory.consumer.GroupStatistics;

/**
 * The component's figures as Micrometer meters, read from the statistics the clients and consumers keep (function
 * counters and timers: nothing is recorded twice). Tags: {@code operation}, {@code outcome}, {@code group}.
 */
final class MicrometerMeters implements ComponentMeters {

    private final MeterRegistry registry;
    private final Map<MimecastDirectoryOperation, Set<MimecastClient>> clients = new ConcurrentHashMap<>();
    private final Set<GroupStatistics> consumers = ConcurrentHashMap.newKeySet();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static ComponentMeters on(Object registry) {
        return new MicrometerMeters((MeterRegistry) registry);
    }

    @Override
    public void clientStarted(MimecastDirectoryOperation operation, MimecastClient client) {
        clients.computeIfAbsent(operation, this::bindCalls).add(client);
    }

    private Set<MimecastClient> bindCalls(MimecastDirectoryOperation operation) {
        Set<MimecastClient> ofOperation = ConcurrentHashMap.newKeySet();
        Tags tags = Tags.of("operation", operation.operationName());
        counter("mimecast.directory.calls", "Operation calls that succeeded", tags.and("outcome", "success"),
                ofOperation, s -> s.calls() - s.failures());
        counter("mimecast.directory.calls", "Operation calls that failed", tags.and("outcome", "failure"),
                ofOperation, CallStatistics::failures);
        counter("mimecast.directory.requests", "HTTP requests sent, every attempt counted", tags, ofOperation,
                CallStatistics::requests);
        counter("mimecast.directory.rate.limited", "HTTP 429 answers, each waited out", tags, ofOperation,
                CallStatistics::rateLimitedAnswers);
        counter("mimecast.directory.retries", "Attempts repeated after a 5xx, an I/O error or a timeout", tags,
                ofOperation, CallStatistics::retries);
        meters.add(FunctionTimer.builder("mimecast.directory.call.duration", ofOperation,
                        s -> sum(s, CallStatistics::calls), s -> sum(s, CallStatistics::callNanos), TimeUnit.NANOSECONDS)
                .description("Operation calls, waits and retries included").tags(tags).register(registry));
        meters.add(Gauge.builder("mimecast.directory.quota.remaining", ofOperation, MicrometerMeters::remaining)
                .description("X-RateLimit-Remaining of the last answer").tags(tags).register(registry));
        return ofOperation;
    }

    private void counter(String name, String description, Tags tags, Set<MimecastClient> ofOperation,
                         ToLongFunction<CallStatistics> figure) {
        meters.add(FunctionCounter.builder(name, ofOperation, s -> sum(s, figure)).description(description).tags(tags)
                .register(registry));
    }

    private static long sum(Set<MimecastClient> ofOperation, ToLongFunction<CallStatistics> figure) {
        return ofOperation.stream().mapToLong(c -> figure.applyAsLong(c.statistics())).sum();
    }

    private static double remaining(Set<MimecastClient> ofOperation) {
        return ofOperation.stream().map(MimecastClient::rateLimitStatus).map(RateLimitStatus::remaining)
                .filter(r -> r != null).mapToDouble(Integer::doubleValue).min().orElse(Double.NaN);
    }

    @Override
    public void consumerPolled(GroupStatistics statistics) {
        if (consumers.isEmpty() && consumers.add(statistics)) {
            meters.add(FunctionTimer.builder("mimecast.directory.poll.duration", consumers,
                    c -> c.stream().mapToLong(GroupStatistics::polls).sum(),
                    c -> c.stream().mapToLong(GroupStatistics::pollNanos).sum(), TimeUnit.NANOSECONDS)
                    .description("Consumer polls, every watched group read").register(registry));
            meters.add(Gauge.builder("mimecast.directory.groups.failing", consumers,
                    c -> c.stream().mapToLong(GroupStatistics::failingGroups).sum())
                    .description("Watched groups whose last read or delivery failed").register(registry));
        }
        consumers.add(statistics);
        for (String group : statistics.groups().keySet()) {
            if (groups.add(group)) {
                meters.add(FunctionCounter.builder("mimecast.directory.changes.emitted", consumers,
                        c -> c.stream().map(s -> s.groups().get(group)).filter(g -> g != null)
                                .mapToLong(GroupStatistics.Group::changesEmitted).sum())
                        .description("Member changes (or members, in snapshot mode) delivered").tags("group", group)
                        .register(registry));
            }
        }
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
