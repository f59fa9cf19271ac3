package org.apache.camel.component.mimecast.benchmarks;

import java.util.concurrent.TimeUnit;

import org.apache.camel.component.mimecast.directory.client.AuthenticatedHeaders;
import org.apache.camel.component.mimecast.directory.client.HmacRequestSigner;
import org.apache.camel.component.mimecast.emulator.EmulatorCredentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The HMAC signer alone: the whole header set (date, fresh request id, signature) and the signature only. The
 * signer keeps one initialized Mac per thread, so no key setup happens per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignerBenchmark {

    private final EmulatorCredentials credentials = EmulatorCredentials.defaults();
    private final HmacRequestSigner signer = new HmacRequestSigner(
            credentials.accessKey(), credentials.secretKey(), credentials.appId(), credentials.appKey());

    @Benchmark
    public AuthenticatedHeaders headers() {
        return signer.authenticate("/api/directory/get-group-members");
    }

    @Benchmark
    public String signatureOnly() {
        return signer.signature("Tue, 24 Nov 2015 12:50:11 UTC", "8578FCFC-A305-4D9A-99CB-F4D5ECEFE297",
                "/api/directory/get-group-members");
    }
}
