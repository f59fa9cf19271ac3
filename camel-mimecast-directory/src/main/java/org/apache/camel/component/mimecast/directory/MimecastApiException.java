package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.component.mimecast.directory.model.ItemFailure;

/**
 * A call that Mimecast refused or could not run: a non-2xx status, or one or more {@code fail[]} entries in an HTTP
 * 200 response. Carries the HTTP status, the Mimecast error codes, the failed items and whether a retry may succeed.
 * For a partially failed batch, {@link #getSucceeded()} holds the results of the items that did succeed.
 */
public class MimecastApiException extends RuntimeException {

    private final String operation;
    private final int httpStatus;
    private final String requestId;
    private final boolean retryable;
    private final List<ItemFailure> failures;
    private final transient List<?> succeeded;
    private boolean mayHaveBeenApplied;

    protected MimecastApiException(String message, String operation, int httpStatus, String requestId, boolean retryable,
                                List<ItemFailure> failures, List<?> succeeded, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.retryable = retryable;
        this.failures = failures == null ? List.of() : List.copyOf(failures);
        this.succeeded = succeeded == null ? List.of() : List.copyOf(succeeded);
    }

    /**
     * A failure of the request as a whole, without {@code fail[]} entries: a refused status, an unusable response or
     * a call not sent.
     */
    public static MimecastApiException ofRequest(
            String message, String operation, int httpStatus, String requestId, boolean retryable) {
        return new MimecastApiException(
                message, operation, httpStatus, requestId, retryable, List.of(), List.of(), null);
    }

    /** A refused status whose body carried {@code fail[]} entries. */
    public static MimecastApiException ofRefusal(
            String message, String operation, int httpStatus, String requestId, boolean retryable,
            List<ItemFailure> failures) {
        return new MimecastApiException(message, operation, httpStatus, requestId, retryable, failures, List.of(), null);
    }

    /**
     * The exception for {@code fail[]} entries of an HTTP 200 response.
     *
     * @param succeeded the results of the items that did succeed, in input order
     * @param total     the number of items sent
     */
    public static MimecastApiException forItemFailures(
            MimecastDirectoryOperation operation, String requestId, List<ItemFailure> failures, List<?> succeeded,
            int total) {
        String message = operation + ": " + failures.size() + " of " + total + " item(s) failed"
                         + (succeeded.isEmpty() ? "" : ", " + succeeded.size() + " succeeded")
                         + " (request id " + requestId + "): "
                         + ItemFailure.describeAll(failures);
        boolean retryable = failures.stream().allMatch(ItemFailure::isRetryable);
        return new MimecastApiException(
                message, operation.operationName(), 200, requestId, retryable, failures, succeeded, null);
    }

    /** A call that got no usable response: an I/O error, a timeout or an interruption. */
    public static MimecastApiException noResponse(
            String message, MimecastDirectoryOperation operation, String requestId, boolean retryable, Throwable cause) {
        return new MimecastApiException(
                message, operation.operationName(), 0, requestId, retryable, List.of(), List.of(), cause);
    }

    /**
     * The same failure told with other texts: its message, its failures and its cause (status, request id, succeeded
     * items and stack trace kept). For masking secrets.
     */
    public MimecastApiException retold(String message, List<ItemFailure> failures, Throwable cause) {
        MimecastApiException copy = new MimecastApiException(
                message, operation, httpStatus, requestId, retryable, failures, succeeded, cause);
        copy.mayHaveBeenApplied = mayHaveBeenApplied;
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** This failure of a write whose fate is unknown (not repeated: it may have been applied), with that said. */
    public MimecastApiException mayHaveBeenApplied(String message) {
        MimecastApiException copy = withMessage(message);
        copy.mayHaveBeenApplied = true;
        return copy;
    }

    /**
     * A write of several requests that did not all apply: the message counts each fate, {@link #getFailures()} has one
     * entry per item not applied, {@link #getSucceeded()} the results of those applied.
     *
     * @param mayHaveBeenApplied whether some item's fate is unknown
     * @param firstFailure       the first request that failed as a whole, the cause; null when only items failed
     */
    public static MimecastApiException ofBulkWrite(
            String message, String operation, int httpStatus, String requestId, List<ItemFailure> failures,
            List<?> succeeded, boolean mayHaveBeenApplied, MimecastApiException firstFailure) {
        MimecastApiException bulk = new MimecastApiException(message, operation, httpStatus, requestId,
                failures.stream().allMatch(ItemFailure::isRetryable), failures, succeeded, firstFailure);
        bulk.mayHaveBeenApplied = mayHaveBeenApplied;
        return bulk;
    }

    /**
     * Whether the write may have been applied though it failed (a 5xx, a timeout or a dropped connection of a write
     * that is not repeated): read the directory to know. Always false for reads and for calls not sent.
     */
    public boolean isMayHaveBeenApplied() {
        return mayHaveBeenApplied;
    }

    /** The same failure with another message (everything else, cause and stack trace included, kept). */
    public MimecastApiException withMessage(String message) {
        return retold(message, failures, getCause());
    }

    /** The operation name, e.g. {@code add-group-member}. */
    public String getOperation() {
        return operation;
    }

    /** The HTTP status, 200 for {@code fail[]} entries in a successful response, 0 when no response was read. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The x-mc-req-id of the request that failed, for support cases. */
    public String getRequestId() {
        return requestId;
    }

    /** Whether the same call may succeed later (rate limit, server error, every error marked retryable). */
    public boolean isRetryable() {
        return retryable;
    }

    /** The failed items with their errors; empty for failures that concern the whole request without a body. */
    public List<ItemFailure> getFailures() {
        return failures;
    }

    /** The distinct Mimecast error codes of every failure. */
    public List<String> getErrorCodes() {
        return failures.stream().flatMap(f -> f.errors().stream()).map(e -> e.code()).filter(c -> c != null)
                .distinct().collect(Collectors.toList());
    }

    /** The results of the items that succeeded in a partially failed batch, in input order. */
    public List<?> getSucceeded() {
        return succeeded;
    }
}
