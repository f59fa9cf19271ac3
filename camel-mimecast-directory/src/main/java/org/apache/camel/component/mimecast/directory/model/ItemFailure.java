package org.apache.camel.component.mimecast.directory.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a response's {@code fail[]}: the request item that failed ({@code key}) and why.
 *
 * @param key    the request item, echoed by Mimecast
 * @param errors the errors for that item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemFailure(Map<String, Object> key, List<ApiError> errors) {

    public ItemFailure {
        key = key == null ? Map.of() : key;
        errors = errors == null ? List.of() : errors;
    }

    /** The error codes of this failure, comma separated. */
    public String codes() {
        return errors.stream().map(ApiError::code).collect(Collectors.joining(","));
    }

    /** Describes the failure for messages: the item key, then each error code with its message. */
    public String describe() {
        String text = errors.stream()
                .map(e -> e.code() + (e.message() == null ? "" : " (" + e.message() + ")"))
                .collect(Collectors.joining(", "));
        return key.isEmpty() ? text : key + ": " + text;
    }

    /** How many failures a message describes; the rest are counted. A hostile reply may hold millions. */
    public static final int DESCRIBED_AT_MOST = 20;

    /** Describes the first {@value #DESCRIBED_AT_MOST} failures, "; " separated, and counts the rest. */
    public static String describeAll(List<ItemFailure> failures) {
        String described = failures.stream().limit(DESCRIBED_AT_MOST).map(ItemFailure::describe)
                .collect(Collectors.joining("; "));
        return failures.size() <= DESCRIBED_AT_MOST ? described
                : described + "; and " + (failures.size() - DESCRIBED_AT_MOST) + " more";
    }

    /** Whether every error of this failure is retryable. */
    public boolean isRetryable() {
        return !errors.isEmpty() && errors.stream().allMatch(ApiError::isRetryable);
    }
}
