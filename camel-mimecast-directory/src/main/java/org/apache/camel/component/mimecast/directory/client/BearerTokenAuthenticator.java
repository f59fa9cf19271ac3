package org.apache.camel.component.mimecast.directory.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * API 2.0 authentication: {@code Authorization: Bearer <token>} from a shared {@link OAuth2TokenProvider}. A request
 * id is still sent, so that calls can be traced the same way in both modes.
 */
public final class BearerTokenAuthenticator implements RequestAuthenticator {

    private final OAuth2TokenProvider tokens;

    public BearerTokenAuthenticator(OAuth2TokenProvider tokens) {
        this.tokens = tokens;
    }

    @Override
    public AuthenticatedHeaders authenticate(String path) {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>(2);
        headers.put(HmacRequestSigner.HEADER_AUTHORIZATION, "Bearer " + tokens.token());
        headers.put(HmacRequestSigner.HEADER_REQUEST_ID, requestId);
        return new AuthenticatedHeaders(requestId, headers);
    }

    @Override
    public String rejectionAdvice() {
        return "Check clientId and clientSecret (authMode=oauth2), and that the API 2.0 application is allowed the"
               + " Directory functions";
    }

    @Override
    public boolean refreshAfterRejection(AuthenticatedHeaders rejected) {
        String authorization = rejected.headers().get(HmacRequestSigner.HEADER_AUTHORIZATION);
        tokens.invalidate(authorization.substring("Bearer ".length()));
        return true;
    }

    @Override
    public String toString() {
        return "BearerTokenAuthenticator[" + tokens + "]";
    }
}
