package org.apache.camel.component.mimecast.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One signed get-group-members call (a page of 25 members) through a Camel route (direct: to the producer), against the same call with
 * the raw JDK client. Both hit the same emulator on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProducerOverheadBenchmark {

    private static final int PAGE_SIZE = 25;

    private EmulatedDirectory directory;
    private ProducerTemplate template;
    private Endpoint endpoint;
    private RawSignedClient raw;
    private String groupId;

    @Setup(Level.Trial)
    public void setUp() {
        directory = new EmulatedDirectory();
        groupId = directory.groupWith(PAGE_SIZE);
        try {
            directory.camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:members")
                            .to("mimecast-directory:get-group-members?pageSize=" + PAGE_SIZE + "&groupId=" + groupId);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        directory.camel.start();
        template = directory.camel.createProducerTemplate();
        endpoint = directory.camel.getEndpoint("direct:members");
        raw = new RawSignedClient(directory.emulator.baseUrl(), directory.emulator.credentials());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        directory.close();
    }

    @Benchmark
    public int camelRoute() {
        return template.requestBody(endpoint, null, List.class).size();
    }

    @Benchmark
    public int rawHttpClient() throws Exception {
        return raw.members(groupId, PAGE_SIZE);
    }
}
