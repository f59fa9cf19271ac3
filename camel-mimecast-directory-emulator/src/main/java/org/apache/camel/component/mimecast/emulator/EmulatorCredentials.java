package org.apache.camel.component.mimecast.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The API 1.0 credentials the emulator accepts. The defaults are fixed so that examples can name them.
 *
 * @param accessKey the access key
 * @param secretKey the secret key, Base64
 * @param appId     the application id
 * @param appKey    the application key
 */
public record EmulatorCredentials(String accessKey, String secretKey, String appId, String appKey) {

    /** Fixed test credentials; the secret key is Base64 as Mimecast issues them. */
    public static EmulatorCredentials defaults() {
        return new EmulatorCredentials(
                "emulator-access-key",
                Base64.getEncoder().encodeToString("emulator-secret-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                "emulator-app-id",
                "emulator-app-key");
    }

    @Override
    public String toString() {
        return "EmulatorCredentials[accessKey=" + accessKey + ", appId=" + appId + "]";
    }
}
