package org.apache.camel.component.mimecast.directory;

import java.util.function.Function;

import org.apache.camel.component.mimecast.directory.client.BearerTokenAuthenticator;
import org.apache.camel.component.mimecast.directory.client.HmacRequestSigner;
import org.apache.camel.component.mimecast.directory.client.OAuth2TokenProvider;
import org.apache.camel.component.mimecast.directory.client.RequestAuthenticator;
import org.apache.camel.util.StringHelper;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Chooses the authentication of an endpoint from {@code authMode} and checks that only that mode's options are set.
 */
final class AuthenticatorFactory {

    /** Identifies an OAuth 2.0 client without holding its secret in clear. */
    record OAuthClientKey(String tokenUrl, String clientId, String secretDigest) {
        String cacheKey() {
            return tokenUrl + "|" + clientId + "|" + secretDigest;
        }

        @Override
        public String toString() {
            return "OAuthClientKey[" + tokenUrl + "]";
        }
    }

    private AuthenticatorFactory() {
    }

    /**
     * An endpoint (a Kamelet, a route URI) that sets authMode itself takes its credentials for that mode: the
     * component's options of the other mode (for example API 1.0 keys under camel.component.mimecast-directory.* while
     * a Kamelet says authMode=oauth2) are not inherited by it. What the endpoint sets itself is kept, so a mix within
     * one endpoint is still refused. Options are only ever dropped, never taken from the other mode.
     * <p>
     * Inherited means the very instance the component holds: {@link MimecastDirectoryConfiguration#copy()} shares it,
     * while a value bound from the endpoint's parameters is a string of its own, even when equal. (A Kamelet passes
     * its secret parameters as {@code RAW({{?accessKey}})} whether given or not, so the parameter names alone do not
     * tell what the endpoint set.)
     */
    static void dropInheritedOptionsOfOtherMode(
            MimecastDirectoryConfiguration endpoint, MimecastDirectoryConfiguration component) {
        if (endpoint.getAuthMode() == AuthMode.oauth2) {
            dropIfInherited(endpoint.getAccessKey(), component.getAccessKey(), () -> endpoint.setAccessKey(null));
            dropIfInherited(endpoint.getSecretKey(), component.getSecretKey(), () -> endpoint.setSecretKey(null));
            dropIfInherited(endpoint.getAppId(), component.getAppId(), () -> endpoint.setAppId(null));
            dropIfInherited(endpoint.getAppKey(), component.getAppKey(), () -> endpoint.setAppKey(null));
        } else {
            dropIfInherited(endpoint.getClientId(), component.getClientId(), () -> endpoint.setClientId(null));
            dropIfInherited(endpoint.getClientSecret(), component.getClientSecret(),
                    () -> endpoint.setClientSecret(null));
            dropIfInherited(endpoint.getTokenUrl(), component.getTokenUrl(), () -> endpoint.setTokenUrl(null));
        }
    }

    @SuppressWarnings("StringEquality") // the same instance, see dropInheritedOptionsOfOtherMode
    private static void dropIfInherited(String endpointValue, String componentValue, Runnable drop) {
        if (endpointValue != null && endpointValue == componentValue) {
            drop.run();
        }
    }

    static RequestAuthenticator create(
            MimecastDirectoryConfiguration config, String baseUrl,
            Function<OAuthClientKey, OAuth2TokenProvider> tokenProviders) {
        if (config.getAuthMode() == AuthMode.oauth2) {
            rejectIfSet(config.getAccessKey(), "accessKey", AuthMode.oauth2);
            rejectIfSet(config.getSecretKey(), "secretKey", AuthMode.oauth2);
            rejectIfSet(config.getAppId(), "appId", AuthMode.oauth2);
            rejectIfSet(config.getAppKey(), "appKey", AuthMode.oauth2);
            require(config.getClientId(), "clientId");
            require(config.getClientSecret(), "clientSecret");
            String tokenUrl = config.getTokenUrl() != null ? config.getTokenUrl() : baseUrl + "/oauth/token";
            return new BearerTokenAuthenticator(tokenProviders.apply(new OAuthClientKey(
                    tokenUrl, config.getClientId(), DigestUtils.sha256Hex(config.getClientSecret()))));
        }
        rejectIfSet(config.getClientId(), "clientId", AuthMode.hmac);
        rejectIfSet(config.getClientSecret(), "clientSecret", AuthMode.hmac);
        rejectIfSet(config.getTokenUrl(), "tokenUrl", AuthMode.hmac);
        return new HmacRequestSigner(config.getAccessKey(), config.getSecretKey(), config.getAppId(),
                config.getAppKey());
    }

    private static void rejectIfSet(String value, String option, AuthMode mode) {
        // Blank counts as unset: a placeholder that resolves to nothing is not a mix of modes.
        if (value != null && !value.isBlank()) {
            String otherMode = mode == AuthMode.hmac ? "authMode=oauth2" : "authMode=hmac (API 1.0)";
            throw new MimecastValidationException(
                    option, option + " belongs to " + otherMode + " but authMode=" + mode
                            + ": remove " + option + " (from the endpoint, or from the component: "
                            + "camel.component.mimecast-directory." + StringHelper.camelCaseToDash(option)
                            + ") or switch authMode (the options of the two modes cannot be mixed; an endpoint or "
                            + "Kamelet that sets authMode itself ignores the component's options of the other mode)");
        }
    }

    private static void require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw MimecastValidationException.missingOption("authMode=oauth2", option);
        }
    }
}
