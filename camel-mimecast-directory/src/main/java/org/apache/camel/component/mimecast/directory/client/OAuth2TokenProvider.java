package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets and caches an API 2.0 access token with the OAuth 2.0 client credentials grant. One instance is shared by
 * every endpoint of a component with the same credentials. The token is renewed shortly before {@code expires_in}
 * runs out, or at once when Mimecast rejects it; concurrent callers wait for a single renewal.
 */
public final class OAuth2TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenProvider.class);
    private static final Duration MAX_RENEWAL_MARGIN = Duration.ofSeconds(60);
    private static final long MAX_LIFETIME_SECONDS = Duration.ofDays(1).toSeconds();

    private final PooledHttpClient http;
    private final AttemptDeadlines deadlines;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RequestConfig requestConfig;
    private final long responseTimeoutMillis;
    private final ReentrantLock renewal = new ReentrantLock();
    private final SecretRedactor redactor;
    private final ResponseReader reader;
    private volatile AccessToken current;

    private record AccessToken(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "AccessToken[renewAt=" + renewAt + "]";
        }
    }

    public OAuth2TokenProvider(PooledHttpClient http, String tokenUrl, String clientId, String clientSecret,
                               ObjectMapper mapper, Clock clock, int responseTimeoutMillis, SecretRedactor redactor,
                               AttemptDeadlines deadlines) {
        this.http = http;
        this.deadlines = deadlines;
        this.redactor = redactor;
        this.reader = new ResponseReader(mapper, redactor);
        // Also the HTTP Basic form of the pair, should a server echo an Authorization header it was not sent.
        redactor.addSecrets(clientSecret, clientId + ":" + clientSecret);
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.mapper = mapper;
        this.clock = clock;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .build();
    }

    /** A token that is valid for a while yet; renews it first when needed. */
    public String token() {
        AccessToken token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        renewal.lock();
        try {
            token = current;
            if (token == null || !clock.instant().isBefore(token.renewAt())) {
                current = token = requestToken();
            }
            return token.value();
        } finally {
            renewal.unlock();
        }
    }

    /** Forgets {@code rejected} so that the next {@link #token()} gets a new one (no-op if already renewed). */
    public void invalidate(String rejected) {
        renewal.lock();
        try {
            if (current != null && current.value().equals(rejected)) {
                current = null;
            }
        } finally {
            renewal.unlock();
        }
    }

    private AccessToken requestToken() {
        HttpPost post = new HttpPost(tokenUrl);
        post.setConfig(requestConfig);
        post.setHeader("Accept", "application/json");
        post.setEntity(new UrlEncodedFormEntity(List.<NameValuePair> of(
                new BasicNameValuePair("client_id", clientId),
                new BasicNameValuePair("client_secret", clientSecret),
                new BasicNameValuePair("grant_type", "client_credentials"))));
        LOG.debug("Requesting an OAuth 2.0 access token from {}", redactor.redact(tokenUrl));
        Instant requestedAt = clock.instant();
        try {
            // The same whole-exchange deadline and body bound as directory calls: every caller of these credentials
            // waits behind this request.
            try (AttemptDeadlines.Deadline deadline = deadlines.start(post, responseTimeoutMillis)) {
                try {
                    return execute(post, requestedAt);
                } catch (IOException e) {
                    if (deadline.expired()) {
                    throw MimecastApiException.ofRequest(
                            "OAuth 2.0 token request to " + redactor.redact(tokenUrl) + " timed out after "
                                                   + responseTimeoutMillis + " ms (responseTimeout covers connect,"
                                                   + " headers and body)",
                            "oauth-token", 0, null, true);
                    }
                    throw e;
                }
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw MimecastApiException.ofRequest("OAuth 2.0 token request not sent: the component is stopping",
                    "oauth-token", 0, null, true);
        } catch (IOException e) {
            throw MimecastApiException.ofRequest(
                    "OAuth 2.0 token request to " + redactor.redact(tokenUrl) + " failed: "
                                           + e.getClass().getSimpleName() + ": " + redactor.redact(e.getMessage()),
                    "oauth-token", 0, null, true);
        } catch (MimecastApiException e) {
            throw redactor.redact(e);
        }
    }

    private AccessToken execute(HttpPost post, Instant requestedAt) throws IOException {
        return http.client().execute(post, response -> {
                String body = new String(ResponseBodies.read("oauth-token", response.getEntity(), null,
                        response.getCode()), StandardCharsets.UTF_8);
                JsonNode json = parse(body);
                if (response.getCode() != 200) {
                    throw failure(response.getCode(), json, body);
                }
                if (json == null || !json.path("access_token").isTextual() || json.get("access_token").asText().isBlank()) {
                    // Never the body: a token under another field name would be in the message.
                    throw MimecastApiException.ofRequest(
                            "OAuth 2.0 token reply from " + redactor.redact(tokenUrl) + " has no access_token"
                                                   + (json == null ? " (not a JSON object)"
                                                           : " (fields: " + fieldNames(json) + ")"),
                            "oauth-token", 200, null, false);
                }
                String token = json.get("access_token").asText();
                redactor.addToken(token);
                long expiresIn = json.path("expires_in").asLong(1800);
                return new AccessToken(token, requestedAt.plus(renewalPoint(expiresIn)));
        });
    }

    /**
     * Renew after 90% of the lifetime, and at least a minute before the end for long lived tokens. A lifetime over a
     * day is taken as a day: a hostile expires_in must neither overflow the clock nor keep a token for ever.
     */
    static Duration renewalPoint(long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(Math.max(1, Math.min(MAX_LIFETIME_SECONDS, expiresInSeconds)));
        Duration margin = lifetime.dividedBy(10);
        if (margin.compareTo(MAX_RENEWAL_MARGIN) > 0) {
            margin = MAX_RENEWAL_MARGIN;
        }
        return lifetime.minus(margin);
    }

    private JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private MimecastApiException failure(int status, JsonNode json, String body) {
        // Only the documented error fields are shown, and only after every secret is masked: token endpoints have been
        // seen to echo the submitted form.
        String reason;
        if (json == null || !json.isObject()) {
            reason = reader.snippet(body);
        } else {
            String error = json.path("error").asText(json.path("fault").path("faultstring").asText("(no error field)"));
            reason = reader.snippet(error) + (json.hasNonNull("error_description")
                    ? ": " + reader.snippet(json.get("error_description").asText()) : "");
        }
        boolean authentication = status == 400 || status == 401;
        return MimecastApiException.ofRequest(
                "OAuth 2.0 token request failed with HTTP " + status + ": " + reason
                                        + (authentication ? ". Check clientId and clientSecret (authMode=oauth2)" : ""),
                "oauth-token", status, null, status == 429 || status >= 500);
    }

    @Override
    public String toString() {
        return "OAuth2TokenProvider[" + redactor.redact(tokenUrl) + "]";
    }
}
