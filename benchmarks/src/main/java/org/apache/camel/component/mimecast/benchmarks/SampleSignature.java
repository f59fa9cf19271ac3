package org.apache.camel.component.mimecast.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Mimecast API pages' HMAC sample in Java, as a user of the API writes it without the component: the headers of a
 * signed API 1.0 call (Authorization {@code MC accessKey:Base64(HMAC-SHA1(Base64Decode(secretKey),
 * "date:requestId:path:appKey"))}, x-mc-date, x-mc-req-id, x-mc-app-id). One Mac per thread.
 */
final class SampleSignature {

    private static final DateTimeFormatter DATE
            = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH);

    private final String accessKey;
    private final String appId;
    private final String appKey;
    private final ThreadLocal<Mac> macs;

    SampleSignature(String accessKey, String secretKey, String appId, String appKey) {
        this.accessKey = accessKey;
        this.appId = appId;
        this.appKey = appKey;
        byte[] key = Base64.getDecoder().decode(secretKey);
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

    /** Fresh headers (date, request id, signature) for one request to {@code path}, e.g. /api/directory/... */
    Map<String, String> headers(String path) {
        String date = DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        String requestId = UUID.randomUUID().toString();
        String signature = Base64.getEncoder().encodeToString(macs.get().doFinal(
                (date + ":" + requestId + ":" + path + ":" + appKey).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "MC " + accessKey + ":" + signature);
        headers.put("x-mc-date", date);
        headers.put("x-mc-req-id", requestId);
        headers.put("x-mc-app-id", appId);
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
