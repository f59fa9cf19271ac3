package org.apache.camel.component.mimecast.directory.client;

/**
 * The rate limit headers of the last response, each null when the response had none.
 *
 * @param limit      X-RateLimit-Limit: calls allowed in the window
 * @param remaining  X-RateLimit-Remaining: calls left in the window
 * @param resetMillis X-RateLimit-Reset: milliseconds until a call is available again
 */
public record RateLimitStatus(Integer limit, Integer remaining, Long resetMillis) {

    public static final RateLimitStatus UNKNOWN = new RateLimitStatus(null, null, null);
}
