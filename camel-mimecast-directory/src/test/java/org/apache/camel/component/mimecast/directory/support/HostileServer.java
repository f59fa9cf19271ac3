package org.apache.camel.component.mimecast.directory.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that answers each path with whatever a test scripts: the documented samples
 * verbatim, error bodies that echo credentials, bodies dripped a byte at a time. Not our emulator, so it shares none of
 * our reading of the docs. Records each request (path, headers, body) for assertions.
 */
public final class HostileServer implements AutoCloseable {

    /** One scripted reply. */
    @FunctionalInterface
    public interface Reply {
        void send(HttpExchange exchange, String requestBody) throws IOException;
    }

    /** One request as the server received it. */
    public record Request(String path, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public HostileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "hostile-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Scripts the reply of a path, e.g. {@code /api/directory/get-connection} or {@code /oauth/token}. */
    public HostileServer on(String path, Reply reply) {
        replies.put(path, reply);
        return this;
    }

    public List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = replies.get(exchange.getRequestURI().getPath());
        try {
            if (reply == null) {
                json(404, "{\"meta\":{\"status\":404},\"data\":[],\"fail\":[]}").send(exchange, body);
            } else {
                reply.send(exchange, body);
            }
        } catch (IOException e) {
            // The client hung up (a deadline test): nothing to do.
        } finally {
            exchange.close();
        }
    }

    /** A JSON reply with a status. */
    public static Reply json(int status, String json) {
        return withHeaders(status, json, Map.of());
    }

    /** A JSON reply with extra headers. */
    public static Reply withHeaders(int status, String json, Map<String, String> headers) {
        return (exchange, request) -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        };
    }

    /** A 200 whose body is sent one byte every {@code pauseMillis}: each read is quick, the whole is not. */
    public static Reply dripped(String json, long pauseMillis) {
        return (exchange, request) -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            out.close();
        };
    }

    /** Answers with each reply in turn, the last one for every later request. */
    public static Reply inTurn(Reply... turns) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return (exchange, request) -> turns[Math.min(next.getAndIncrement(), turns.length - 1)].send(exchange, request);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
