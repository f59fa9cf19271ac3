package org.apache.camel.component.mimecast.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted server for the faults the emulator's FaultPlan cannot make (its faults act before the request is
 * processed): it forwards every call to the emulator, and for the n-th call of one operation, once the emulator has
 * applied it, either closes the connection without an answer or answers only after a delay longer than the client
 * waits.
 */
final class AfterApplyingProxy implements AutoCloseable {

    /** What happens to the n-th call's reply. */
    enum Fault {
        DROPPED_AFTER_APPLYING,
        SLOW_AFTER_APPLYING
    }

    private static final List<String> FORWARDED = List.of("Authorization", "x-mc-date", "x-mc-req-id", "x-mc-app-id",
            "Content-Type", "Accept");

    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "after-applying-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server;
    private final String target;
    private final String path;
    private final int faultyCall;
    private final Fault fault;
    private final long slowMillis;

    AfterApplyingProxy(String target, String operation, int faultyCall, Fault fault, long slowMillis)
            throws IOException {
        this.target = target;
        this.path = "/api/directory/" + operation;
        this.faultyCall = faultyCall;
        this.fault = fault;
        this.slowMillis = slowMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        FORWARDED.forEach(name -> {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> reply;
        try {
            reply = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        boolean faulty = exchange.getRequestURI().getPath().equals(path) && calls.incrementAndGet() == faultyCall;
        if (faulty && fault == Fault.DROPPED_AFTER_APPLYING) {
            exchange.close(); // no response headers sent: the JDK server closes the connection
            return;
        }
        if (faulty) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().map().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Type") || name.toLowerCase().startsWith("x-ratelimit")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        try {
            exchange.sendResponseHeaders(reply.statusCode(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            // The client gave up on the slow reply and closed the connection: nothing to answer.
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
