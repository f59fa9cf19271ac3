package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * What follows one attempt of a call: the one place that decides what is repeated. A 429 did not run and says when to
 * come back: a wait, never a failure. A call that certainly did not reach Mimecast (no connection made, no pooled
 * connection free) is repeated, writes included. One whose fate is unknown (a 5xx, a dropped connection, a timeout) is
 * repeated only when repeating it is harmless ({@link MimecastDirectoryOperation#isIdempotent()}); otherwise it fails as
 * "may have been applied". Rejected credentials are renewed once per call.
 */
final class RetryRules {

    enum Action {
        /** The answer is the call's result. */
        DONE,
        /** Renew the credentials and send again (once per call). */
        RENEW_CREDENTIALS,
        /** Send again when the quota lets the call go (429: not a failure, not counted). */
        WAIT_FOR_QUOTA,
        /** A failure counted against maxRetries: back off, then send again. */
        RETRY,
        /** End the call with the attempt's error. */
        FAIL
    }

    /**
     * @param action             what to do
     * @param mayHaveBeenApplied the attempt may have changed the directory (its fate is unknown)
     */
    record Decision(Action action, boolean mayHaveBeenApplied) {
    }

    private static final Decision DONE = new Decision(Action.DONE, false);
    private static final Decision RENEW = new Decision(Action.RENEW_CREDENTIALS, false);
    private static final Decision WAIT = new Decision(Action.WAIT_FOR_QUOTA, false);
    private static final Decision FAIL_NOT_APPLIED = new Decision(Action.FAIL, false);

    private RetryRules() {
    }

    /**
     * @param credentialsExpired a 2xx whose every failure is {@code token_expired} and that applied nothing
     */
    static Decision afterAnswer(MimecastDirectoryOperation operation, int status, boolean credentialsExpired) {
        if (status >= 200 && status < 300) {
            return credentialsExpired ? RENEW : DONE;
        }
        if (status == 401) {
            return RENEW;
        }
        if (status == 429) {
            return WAIT;
        }
        if (status >= 500) {
            return unknownFate(operation);
        }
        return FAIL_NOT_APPLIED;
    }

    /** After a 2xx whose body cannot be read: the call ran, and a write may have been applied. */
    static Decision afterUnreadableSuccess(MimecastDirectoryOperation operation) {
        return unknownFate(operation);
    }

    /** After an attempt that got no answer. */
    static Decision afterNoAnswer(MimecastDirectoryOperation operation, IOException failure, boolean interrupted) {
        if (isPermanent(failure)) {
            return FAIL_NOT_APPLIED;
        }
        if (isNeverSent(failure)) {
            return interrupted ? FAIL_NOT_APPLIED : new Decision(Action.RETRY, false);
        }
        return interrupted ? new Decision(Action.FAIL, !operation.isReadOnly()) : unknownFate(operation);
    }

    private static Decision unknownFate(MimecastDirectoryOperation operation) {
        return new Decision(operation.isIdempotent() ? Action.RETRY : Action.FAIL, !operation.isReadOnly());
    }

    /** The request never reached the server: no pooled connection was free, or the connection was not made. */
    static boolean isNeverSent(IOException failure) {
        return failure instanceof ConnectionRequestTimeoutException || failure instanceof ConnectException
               || failure instanceof ConnectTimeoutException || failure instanceof HttpHostConnectException
               || failure instanceof NoRouteToHostException || isPermanent(failure);
    }

    /**
     * Repeating cannot help: an unknown host, a failed TLS handshake (an untrusted certificate, a wrong name), or a
     * proxy that refused the tunnel or the credentials (only its 502, 503 and 504 may pass later).
     */
    static boolean isPermanent(IOException failure) {
        return failure instanceof UnknownHostException || failure instanceof SSLHandshakeException
               || failure instanceof ProxyRefusedException refused && !refused.isRetryable();
    }
}
