package org.apache.camel.component.mimecast.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * API 2.0: the {@code POST /oauth/token} client credentials grant and the Bearer check of directory calls. Tokens
 * expire after a configurable lifetime (Mimecast's is about 30 minutes) and can be revoked to simulate expiry.
 */
final class OAuthTokens {

    static final String TOKEN_PATH = "/oauth/token";

    /** The accepted clients, id to secret. */
    private final Map<String, String> clients;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final ApiErrors errors;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofMinutes(30);

    /** A live or expired token: whom it was issued to, until when. */
    private record Issued(String clientId, Instant expiresAt) {
    }

    OAuthTokens(Map<String, String> clients, Clock clock, ObjectMapper mapper, ApiErrors errors) {
        this.clients = Map.copyOf(clients);
        this.clock = clock;
        this.mapper = mapper;
        this.errors = errors;
    }

    ApiReply issue(String formBody) {
        Map<String, String> form = parseForm(formBody);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return ApiReply.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        String clientId = form.get("client_id");
        if (clientId == null || !Objects.equals(clients.get(clientId), form.get("client_secret"))) {
            return ApiReply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, new Issued(clientId, clock.instant().plus(lifetime)));
        issued.incrementAndGet();
        return ApiReply.json(200, mapper.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", lifetime.toSeconds()).toString());
    }

    /** The error reply for a Bearer header that is not a live token, or empty when it is. */
    Optional<ApiReply> verify(String authorization) {
        String token = authorization.substring("Bearer ".length()).trim();
        Issued issued = tokens.get(token);
        if (issued == null) {
            return Optional.of(errors.request(401, "invalid_token", "The access token is not valid"));
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            return Optional.of(errors.request(401, "token_expired", "The access token has expired"));
        }
        return Optional.empty();
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Expires every token issued so far, as if their lifetime had run out. */
    void expireAll() {
        Instant now = clock.instant();
        tokens.replaceAll((token, issued) -> new Issued(issued.clientId(), now));
    }

    /** The client a Bearer header's token was issued to, or null when it is no token of ours. */
    String clientOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        Issued issued = tokens.get(authorization.substring("Bearer ".length()).trim());
        return issued == null ? null : issued.clientId();
    }

    int issuedCount() {
        return issued.get();
    }

    void reset() {
        tokens.clear();
        issued.set(0);
        lifetime = Duration.ofMinutes(30);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
