package org.apache.camel.component.mimecast.directory.client;

/**
 * Produces the authentication headers of one request. Called once per attempt: a retried request is signed anew.
 */
public interface RequestAuthenticator {

    /**
     * @param  path the request path, e.g. {@code /api/directory/find-groups}
     * @return      the headers to send and the request id they carry
     */
    AuthenticatedHeaders authenticate(String path);

    /** What to check when Mimecast answers HTTP 401, in the words of this authentication mode. */
    String rejectionAdvice();

    /**
     * Called when Mimecast rejected the credentials of a request (HTTP 401 or a {@code token_expired} failure).
     *
     * @return true when fresh credentials are available and the request is worth sending once more
     */
    default boolean refreshAfterRejection(AuthenticatedHeaders rejected) {
        return false;
    }
}
