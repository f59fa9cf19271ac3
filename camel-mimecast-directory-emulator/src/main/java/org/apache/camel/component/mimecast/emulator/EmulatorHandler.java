package org.apache.camel.component.mimecast.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.apache.camel.component.mimecast.emulator.FaultPlan.Fault;

/**
 * The request pipeline: record, planned faults, quota, authentication, envelope checks, then the operation.
 */
final class EmulatorHandler implements HttpHandler {

    private static final String PREFIX = "/api/directory/";

    private final DirectoryApi api;
    private final SignatureVerifier verifier;
    private final FaultPlan faults;
    private final RateLimitQuota quota;
    private final OAuthTokens oauth;
    private final ApiErrors errors;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    // A WAN round trip added to every directory call; and the most calls seen in flight at once.
    private volatile long latencyMillis;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    EmulatorHandler(DirectoryApi api, SignatureVerifier verifier, FaultPlan faults, RateLimitQuota quota,
                    OAuthTokens oauth, ApiErrors errors, ObjectMapper mapper, Clock clock) {
        this.oauth = oauth;
        this.api = api;
        this.verifier = verifier;
        this.faults = faults;
        this.quota = quota;
        this.errors = errors;
        this.mapper = mapper;
        this.clock = clock;
    }

    List<RecordedRequest> recorded() {
        return List.copyOf(recorded);
    }

    void clearRecorded() {
        recorded.clear();
        maxInFlight.set(0);
    }

    void setLatencyMillis(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        if (OAuthTokens.TOKEN_PATH.equals(path) && "POST".equals(exchange.getRequestMethod())) {
            ApiReply reply = oauth.issue(new String(body, StandardCharsets.UTF_8));
            record(exchange, path, "client_credentials request (form not recorded: it holds the secret)".getBytes(
                    StandardCharsets.UTF_8), reply.status());
            send(exchange, reply);
            return;
        }
        String operation = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        ApiReply reply;
        try {
            if (latencyMillis > 0) {
                sleep(latencyMillis);
            }
            reply = handleCall(exchange, path, operation, body);
        } finally {
            // Before the reply is written: the client may send its next call as soon as it has read this one.
            inFlight.decrementAndGet();
        }
        if (reply == null) {
            exchange.close();
        } else {
            send(exchange, reply);
        }
    }

    /** The reply to a directory call, or null to drop the connection. */
    private ApiReply handleCall(HttpExchange exchange, String path, String operation, byte[] body) {
        Optional<Fault> fault = api.knows(operation) ? faults.next(operation) : Optional.empty();
        if (fault.isPresent() && fault.get().kind() == FaultPlan.Kind.DROP_CONNECTION) {
            record(exchange, path, body, 0);
            return null;
        }
        if (fault.isPresent() && fault.get().kind() == FaultPlan.Kind.DELAY) {
            sleep(fault.get().millis());
            fault = Optional.empty();
        }
        ApiReply reply = fault.map(this::faultReply).orElseGet(() -> answer(exchange, path, operation, body));
        if (quota.enabled()) {
            quota.addHeaders(reply);
        }
        record(exchange, path, body, reply.status());
        return reply;
    }

    private ApiReply answer(HttpExchange exchange, String path, String operation, byte[] body) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return errors.request(405, "err_method_not_allowed", "Use POST");
        }
        if (!api.knows(operation)) {
            return errors.request(404, "err_not_found", "No such endpoint " + path);
        }
        if (quota.enabled() && !quota.tryAcquire()) {
            return rateLimited();
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<ApiReply> denied = authorization != null && authorization.startsWith("Bearer ")
                ? oauth.verify(authorization)
                : verifier.verify(path, exchange.getRequestHeaders()::getFirst);
        if (denied.isPresent()) {
            return denied.get();
        }
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            return errors.request(400, "err_validation_invalid_json", "The request body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            return errors.request(400, "err_validation_invalid_json", "The request body must be a JSON object");
        }
        if (!request.has("data") || request.get("data").isNull()) {
            return errors.request(400, "err_validation_null", "data must not be null");
        }
        if (!request.get("data").isArray()) {
            return errors.request(400, "err_validation_invalid_type", "data must be an array");
        }
        return api.handle(operation, request);
    }

    private ApiReply faultReply(Fault fault) {
        return switch (fault.kind()) {
            case RATE_LIMIT -> rateLimited().withHeader("X-RateLimit-Reset", Long.toString(fault.millis()));
            case RATE_LIMIT_RETRY_AFTER -> rateLimited().withHeader("X-RateLimit-Reset", "120000")
                    .withHeader("Retry-After", Long.toString(fault.millis() / 1000));
            case STATUS -> fault.status() == 418
                    ? errors.request(418, "err_xdk_binding_expired", "The binding has expired")
                    : errors.request(fault.status(), "err_internal", "Emulated server error");
            case HTML -> ApiReply.text(fault.status(), "text/html",
                    "<html><head><title>" + fault.status() + " Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                                                                     + "</body></html>");
            case BODY -> ApiReply.json(200, fault.body());
            case MALFORMED -> ApiReply.text(200, "application/json", "{\"meta\":{\"status\":200},\"data\":[{\"id\":");
            default -> throw new IllegalStateException("Unexpected fault " + fault);
        };
    }

    private ApiReply rateLimited() {
        // The gateway's 429 body is not the usual envelope (seen in a public report).
        return ApiReply.json(429, "{\"detail\":\"Over throttling limit (10000/hour)\"}")
                .withHeader("X-RateLimit-Limit", "10000")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "1000");
    }

    private void record(HttpExchange exchange, String path, byte[] body, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                List.copyOf(values)));
        recorded.add(new RecordedRequest(path, headers, new String(body, StandardCharsets.UTF_8), status,
                clock.instant()));
    }

    private static void send(HttpExchange exchange, ApiReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
