package org.apache.camel.component.mimecast.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.emulator.EmulatorCredentials;

/**
 * The baseline: the same signed get-group-members call with the JDK's HttpClient, headers built by hand, the
 * response parsed to a JSON tree. A well written raw client: one Mac per thread, one mapper, connection reuse.
 */
final class RawSignedClient {

    private static final DateTimeFormatter DATE
            = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH);
    private static final String PATH = "/api/directory/get-group-members";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI uri;
    private final EmulatorCredentials credentials;
    private final ThreadLocal<Mac> macs;

    RawSignedClient(String baseUrl, EmulatorCredentials credentials) {
        this.uri = URI.create(baseUrl + PATH);
        this.credentials = credentials;
        byte[] key = Base64.getDecoder().decode(credentials.secretKey());
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(key, "HmacSHA1"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Returns the number of members on the page. */
    int members(String groupId, int pageSize) throws Exception {
        String date = DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        String requestId = UUID.randomUUID().toString();
        String signature = Base64.getEncoder().encodeToString(macs.get().doFinal(
                (date + ":" + requestId + ":" + PATH + ":" + credentials.appKey()).getBytes(StandardCharsets.UTF_8)));
        String body = "{\"meta\":{\"pagination\":{\"pageSize\":" + pageSize + "}},\"data\":[{\"id\":\"" + groupId
                      + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "MC " + credentials.accessKey() + ":" + signature)
                .header("x-mc-date", date)
                .header("x-mc-req-id", requestId)
                .header("x-mc-app-id", credentials.appId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        JsonNode json = mapper.readTree(response.body());
        return json.at("/data/0/groupMembers").size();
    }
}
