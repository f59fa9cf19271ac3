package org.apache.camel.component.mimecast.directory;

/**
 * How requests are authenticated.
 */
public enum AuthMode {
    /** API 1.0: every request signed with accessKey, secretKey, appId and appKey. */
    hmac,
    /** API 2.0: a Bearer token from the OAuth 2.0 client credentials grant (clientId, clientSecret). */
    oauth2
}
