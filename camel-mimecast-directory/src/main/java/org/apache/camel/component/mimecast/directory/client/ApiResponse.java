package org.apache.camel.component.mimecast.directory.client;

import org.apache.camel.component.mimecast.directory.model.MimecastResponse;

/**
 * A successful (2xx) call: the parsed envelope and what the call cost.
 *
 * @param body      the envelope; its {@code fail[]} may still hold per item failures
 * @param requestId the x-mc-req-id of the attempt that succeeded
 * @param attempts  how many HTTP requests the call needed (1 without retries)
 * @param rateLimit the rate limit headers of the response
 * @param repeated  an earlier attempt of the call may have been applied (an idempotent write sent again after a 5xx,
 *                  a timeout or a dropped connection): "already a member" or "not a member" then means done
 * @param <T>       the type of the data items
 */
public record ApiResponse<T>(MimecastResponse<T> body, String requestId, int attempts, RateLimitStatus rateLimit,
        boolean repeated) {
}
