package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.MimecastResponse;

/**
 * Turns a response body into the typed envelope, or into a {@link MimecastApiException} that says what was wrong:
 * never a Jackson stack trace or a NullPointerException for a body that is not the documented envelope.
 */
final class ResponseReader {

    private static final int SNIPPET_LENGTH = 200;
    static final int MAX_FAILURES_KEPT = 1000;
    private static final int SNIPPET_SOURCE_BYTES = 64 * 1024;

    private final ObjectMapper mapper;
    private final SecretRedactor redactor;

    ResponseReader(ObjectMapper mapper, SecretRedactor redactor) {
        this.mapper = mapper;
        this.redactor = redactor;
    }

    /** Parses a 2xx body as the envelope of {@code itemType}. */
    <T> MimecastResponse<T> readEnvelope(
            MimecastDirectoryOperation operation, byte[] body, Class<T> itemType, String requestId, int status) {
        JsonNode tree = parseJson(operation, body, requestId, status);
        if (!isEnvelope(tree)) {
            throw MimecastApiException.ofRequest(
                    operation + " returned HTTP " + status + " with an unexpected body (no meta/data/fail envelope): "
                                           + snippet(body),
                    operation.operationName(), status, requestId, false);
        }
        JavaType type = mapper.getTypeFactory().constructParametricType(MimecastResponse.class, itemType);
        MimecastResponse<T> response;
        try {
            response = mapper.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw MimecastApiException.ofRequest(
                    operation + " returned a response whose data items are not " + itemType.getSimpleName() + ": "
                                           + redactor.redact(ErrorTexts.firstLine(e.getMessage())),
                    operation.operationName(), status, requestId, false);
        }
        if (response.data().stream().anyMatch(Objects::isNull) || response.fail().stream().anyMatch(Objects::isNull)) {
            throw MimecastApiException.ofRequest(
                    operation + " returned HTTP " + status + " with a null entry in data[] or fail[]",
                    operation.operationName(), status, requestId, false);
        }
        return response.fail().isEmpty() ? response
                : new MimecastResponse<>(response.meta(), response.data(), redactor.redact(kept(response.fail())));
    }

    /** Builds the exception for a non-2xx response, with the error codes of its body when it has the envelope. */
    MimecastApiException errorFor(
            MimecastDirectoryOperation operation, int status, byte[] body, String requestId, boolean retryable,
            String advice) {
        List<ItemFailure> failures = List.of();
        String detail;
        JsonNode tree = tryParse(body);
        if (tree != null && tree.has("fail") && tree.get("fail").isArray()) {
            List<ItemFailure> all = tryFailures(tree.get("fail"));
            failures = redactor.redact(kept(all));
            detail = redactor.redact(ItemFailure.describeAll(failures))
                     + (all.size() > failures.size() ? " (" + all.size() + " failures in all)" : "");
        } else if (tree != null && tree.hasNonNull("detail")) {
            detail = snippet(tree.get("detail").asText());
        } else {
            detail = body == null || body.length == 0 ? "(empty body)" : snippet(body);
        }
        return MimecastApiException.ofRefusal(
                operation + " failed with HTTP " + status + " (request id " + requestId + "): " + detail
                                       + (advice == null ? "" : ". " + advice),
                operation.operationName(), status, requestId, retryable, failures);
    }

    /**
     * The failures kept: a write request has at most batchSize items, so more than {@value #MAX_FAILURES_KEPT} entries
     * only come from a broken server, and masking millions would stall the caller.
     */
    private static List<ItemFailure> kept(List<ItemFailure> failures) {
        return failures.size() <= MAX_FAILURES_KEPT ? failures : List.copyOf(failures.subList(0, MAX_FAILURES_KEPT));
    }

    private JsonNode parseJson(MimecastDirectoryOperation operation, byte[] body, String requestId, int status) {
        if (body == null || body.length == 0) {
            throw MimecastApiException.ofRequest(
                    operation + " returned HTTP " + status + " with an empty body", operation.operationName(), status,
                    requestId, true);
        }
        JsonNode tree = tryParse(body);
        if (tree == null) {
            throw MimecastApiException.ofRequest(
                    operation + " returned HTTP " + status + " with a body that is not valid JSON: "
                                           + snippet(body),
                    operation.operationName(), status, requestId, true);
        }
        return tree;
    }

    private JsonNode tryParse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    private List<ItemFailure> tryFailures(JsonNode fail) {
        try {
            return mapper.convertValue(fail,
                    mapper.getTypeFactory().constructCollectionType(List.class, ItemFailure.class));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static boolean isEnvelope(JsonNode tree) {
        return (tree.has("data") && tree.get("data").isArray()) || (tree.has("fail") && tree.get("fail").isArray())
                || (tree.has("meta") && tree.get("meta").isObject());
    }

    private String snippet(byte[] body) {
        // Enough of the body for the message even after white space is folded; not a 32 MB string.
        if (body.length <= SNIPPET_SOURCE_BYTES) {
            return snippet(new String(body, StandardCharsets.UTF_8));
        }
        // The cut may split a secret: mask what is whole, then drop the tail where half of one could stand.
        String head = redactor.redact(new String(body, 0, SNIPPET_SOURCE_BYTES, StandardCharsets.UTF_8));
        return snippet(head.substring(0, Math.max(0, head.length() - redactor.longestForm())));
    }

    /**
     * The start of a text from outside, secrets masked before it is cut: a secret cut in half by the length limit
     * would otherwise leave its first half in the message.
     */
    String snippet(String text) {
        String clean = redactor.redact(text).replaceAll("\\s+", " ").trim();
        return clean.length() > SNIPPET_LENGTH ? clean.substring(0, SNIPPET_LENGTH) + "..." : clean;
    }
}
