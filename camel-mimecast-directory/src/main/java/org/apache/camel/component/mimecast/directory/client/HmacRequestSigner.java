package org.apache.camel.component.mimecast.directory.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Mac;

import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Signs requests the API 1.0 way: {@code Authorization: MC accessKey:Base64(HMAC-SHA1(Base64Decode(secretKey),
 * "date:requestId:path:appKey"))} with the {@code x-mc-date}, {@code x-mc-req-id} and {@code x-mc-app-id} headers.
 */
public final class HmacRequestSigner implements RequestAuthenticator {

    /** The documented date format, e.g. {@code Tue, 24 Nov 2015 12:50:11 UTC}. */
    public static final DateTimeFormatter DATE_FORMAT
            = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public static final String HEADER_AUTHORIZATION = "Authorization";
    public static final String HEADER_DATE = "x-mc-date";
    public static final String HEADER_REQUEST_ID = "x-mc-req-id";
    public static final String HEADER_APP_ID = "x-mc-app-id";

    private final String accessKey;
    private final String appId;
    private final String appKey;
    private final Clock clock;
    private final Supplier<String> requestIds;
    // Mac is not thread safe; one initialized instance per thread avoids a key setup per request.
    private final ThreadLocal<Mac> macs;

    public HmacRequestSigner(String accessKey, String secretKey, String appId, String appKey) {
        this(accessKey, secretKey, appId, appKey, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public HmacRequestSigner(String accessKey, String secretKey, String appId, String appKey, Clock clock,
                             Supplier<String> requestIds) {
        this.accessKey = requireCredential(accessKey, "accessKey");
        this.appId = requireCredential(appId, "appId");
        this.appKey = requireCredential(appKey, "appKey");
        byte[] key = decodeSecretKey(requireCredential(secretKey, "secretKey"));
        this.clock = clock;
        this.requestIds = requestIds;
        this.macs = ThreadLocal.withInitial(() -> HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_1, key));
    }

    @Override
    public AuthenticatedHeaders authenticate(String path) {
        String date = DATE_FORMAT.format(clock.instant());
        String requestId = requestIds.get();
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put(HEADER_AUTHORIZATION, "MC " + accessKey + ":" + signature(date, requestId, path));
        headers.put(HEADER_DATE, date);
        headers.put(HEADER_REQUEST_ID, requestId);
        headers.put(HEADER_APP_ID, appId);
        return new AuthenticatedHeaders(requestId, headers);
    }

    @Override
    public String rejectionAdvice() {
        return "Check accessKey, secretKey, appId and appKey (authMode=hmac, API 1.0), and that this machine's clock is"
               + " right";
    }

    /** The Base64 HMAC-SHA1 of {@code date:requestId:path:appKey}. */
    public String signature(String date, String requestId, String path) {
        String dataToSign = date + ":" + requestId + ":" + path + ":" + appKey;
        Mac mac = macs.get();
        return Base64.encodeBase64String(mac.doFinal(dataToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static String requireCredential(String value, String option) {
        if (value == null || value.isBlank()) {
            throw MimecastValidationException.missingOption("API 1.0 signing", option);
        }
        return value.trim();
    }

    private static byte[] decodeSecretKey(String secretKey) {
        byte[] key = Base64.isBase64(secretKey) ? Base64.decodeBase64(secretKey) : new byte[0];
        if (key.length == 0) {
            // The value itself is a secret: never echo it.
            throw new MimecastValidationException(
                    "secretKey", "secretKey is not valid Base64: copy the secret key exactly as Mimecast issued it");
        }
        return key;
    }

    @Override
    public String toString() {
        return "HmacRequestSigner[appId=" + appId + "]";
    }
}
