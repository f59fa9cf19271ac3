package org.apache.camel.component.mimecast.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Checks a request's API 1.0 authentication exactly as documented: the four headers, the application id, a date in
 * the documented format within 15 minutes of the server clock, the HMAC-SHA1 signature of
 * {@code date:requestId:path:appKey} with the Base64 decoded secret key, and a request id never seen before.
 */
final class SignatureVerifier {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    // The day may have one or two digits: Mimecast's own Java sample formats it with "d".
    private static final DateTimeFormatter DATE_FORMAT
            = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final EmulatorCredentials credentials;
    private final Clock clock;
    private final ApiErrors errors;
    private final Map<String, Instant> seenRequestIds = new LinkedHashMap<>();

    SignatureVerifier(EmulatorCredentials credentials, Clock clock, ApiErrors errors) {
        this.credentials = credentials;
        this.clock = clock;
        this.errors = errors;
    }

    /** Returns the error reply, or empty when the request is authentic. */
    Optional<ApiReply> verify(String path, Function<String, String> header) {
        String authorization = header.apply("Authorization");
        String date = header.apply("x-mc-date");
        String requestId = header.apply("x-mc-req-id");
        String appId = header.apply("x-mc-app-id");
        for (String[] required : new String[][] {
                { "Authorization", authorization }, { "x-mc-date", date }, { "x-mc-req-id", requestId },
                { "x-mc-app-id", appId } }) {
            if (required[1] == null || required[1].isBlank()) {
                return Optional.of(errors.request(401, "err_xdk_missing_header", "Missing header " + required[0]));
            }
        }
        if (!credentials.appId().equals(appId)) {
            return Optional.of(errors.request(401, "err_developer_key", "Unknown application id"));
        }
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date, DATE_FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.of(errors.request(401, "err_xdk_invalid_date",
                    "x-mc-date must look like 'Tue, 24 Nov 2015 12:50:11 UTC', was '" + date + "'"));
        }
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return Optional.of(errors.request(401, "err_xdk_invalid_date",
                    "x-mc-date is more than 15 minutes from the server time"));
        }
        if (!authorization.startsWith("MC ") || authorization.indexOf(':') < 0) {
            return Optional.of(errors.request(401, "err_xdk_invalid_signature",
                    "Authorization must be 'MC accessKey:signature'"));
        }
        String accessKey = authorization.substring(3, authorization.lastIndexOf(':'));
        String signature = authorization.substring(authorization.lastIndexOf(':') + 1);
        String expected = sign(date, requestId, path);
        if (!credentials.accessKey().equals(accessKey) || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(errors.request(401, "err_xdk_invalid_signature", "The signature is not valid"));
        }
        if (!rememberRequestId(requestId, now)) {
            return Optional.of(errors.request(401, "err_xdk_duplicate_request_id",
                    "x-mc-req-id " + requestId + " was already used"));
        }
        return Optional.empty();
    }

    /** The signature Mimecast expects, from the documented recipe. */
    String sign(String date, String requestId, String path) {
        byte[] key = Base64.decodeBase64(credentials.secretKey());
        byte[] mac = new HmacUtils(HmacAlgorithms.HMAC_SHA_1, key)
                .hmac(date + ":" + requestId + ":" + path + ":" + credentials.appKey());
        return Base64.encodeBase64String(mac);
    }

    private synchronized boolean rememberRequestId(String requestId, Instant now) {
        // Ids older than twice the accepted skew can no longer come with a valid date: forget them.
        Instant horizon = now.minus(MAX_CLOCK_SKEW.multipliedBy(2));
        for (Iterator<Instant> it = seenRequestIds.values().iterator(); it.hasNext();) {
            if (it.next().isBefore(horizon)) {
                it.remove();
            } else {
                break;
            }
        }
        return seenRequestIds.putIfAbsent(requestId, now) == null;
    }

    synchronized void reset() {
        seenRequestIds.clear();
    }
}
