package org.apache.camel.component.mimecast.directory.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacRequestSignerTest {

    private static final String ACCESS_KEY = "mYtOL3XZCOwG96BOiFTZRmMMmPZ1LNvw";
    // Base64 of a 64-byte key, like the secret keys Mimecast issues.
    private static final String SECRET_KEY = java.util.Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String APP_ID = "8f2c1b2e-1111-4a4a-9f9f-123456789abc";
    private static final String APP_KEY = "f0e1d2c3-2222-4b4b-8e8e-cba987654321";
    private static final String REQUEST_ID = "8578FCFC-A305-4D9A-99CB-F4D5ECEFE297";
    private static final Instant WHEN = Instant.parse("2015-11-24T12:50:11Z");

    @Test
    void matchesAnIndependentImplementationOfTheDocumentedRecipe() throws Exception {
        HmacRequestSigner signer = new HmacRequestSigner(ACCESS_KEY, SECRET_KEY, APP_ID, APP_KEY,
                Clock.fixed(WHEN, ZoneOffset.UTC), () -> REQUEST_ID);

        AuthenticatedHeaders headers = signer.authenticate("/api/directory/find-groups");

        // The recipe of Mimecast's pages, with the JDK only (no commons-codec): date:requestId:uri:appKey.
        String date = "Tue, 24 Nov 2015 12:50:11 UTC";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(SECRET_KEY), "HmacSHA1"));
        byte[] expected = mac.doFinal((date + ":" + REQUEST_ID + ":/api/directory/find-groups:" + APP_KEY)
                .getBytes(StandardCharsets.UTF_8));
        String expectedAuthorization = "MC " + ACCESS_KEY + ":" + java.util.Base64.getEncoder().encodeToString(expected);

        assertEquals(expectedAuthorization, headers.headers().get("Authorization"));
        assertEquals(date, headers.headers().get("x-mc-date"), "the documented date format");
        assertEquals(REQUEST_ID, headers.headers().get("x-mc-req-id"));
        assertEquals(APP_ID, headers.headers().get("x-mc-app-id"));
        assertEquals(REQUEST_ID, headers.requestId());
    }

    @Test
    void theSignatureCoversThePath() {
        HmacRequestSigner signer = new HmacRequestSigner(ACCESS_KEY, SECRET_KEY, APP_ID, APP_KEY,
                Clock.fixed(WHEN, ZoneOffset.UTC), () -> REQUEST_ID);
        assertFalse(signer.signature("d", "r", "/api/directory/find-groups")
                .equals(signer.signature("d", "r", "/api/directory/delete-group")));
    }

    @Test
    void everyRequestGetsAFreshRequestId() {
        HmacRequestSigner signer = new HmacRequestSigner(ACCESS_KEY, SECRET_KEY, APP_ID, APP_KEY);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(signer.authenticate("/api/directory/find-groups").requestId());
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void rejectsASecretKeyThatIsNotBase64WithoutEchoingIt() {
        MimecastValidationException error = assertThrows(MimecastValidationException.class,
                () -> new HmacRequestSigner(ACCESS_KEY, "***not base64***", APP_ID, APP_KEY));
        assertEquals("secretKey", error.getField());
        assertFalse(error.getMessage().contains("not base64***"));
        assertTrue(error.getMessage().contains("not valid Base64"));
    }

    @Test
    void toStringHoldsNoSecret() {
        String text = new HmacRequestSigner(ACCESS_KEY, SECRET_KEY, APP_ID, APP_KEY).toString();
        assertFalse(text.contains(SECRET_KEY) || text.contains(APP_KEY) || text.contains(ACCESS_KEY), text);
    }
}
