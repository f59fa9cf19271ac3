package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads response bodies with a size bound, so that a broken or hostile server cannot exhaust the heap: a page of 500
 * members is about 100 KB, and no documented reply comes near the bound.
 */
final class ResponseBodies {

    /** The largest body read: far above any documented reply. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private ResponseBodies() {
    }

    static byte[] read(MimecastDirectoryOperation operation, HttpEntity entity, String requestId, int status)
            throws IOException {
        return read(operation.operationName(), entity, requestId, status);
    }

    /** @param operation the operation name for the message, e.g. {@code oauth-token} */
    static byte[] read(String operation, HttpEntity entity, String requestId, int status) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw MimecastApiException.ofRequest(
                        operation + " returned HTTP " + status + " with a body larger than " + MAX_BODY_BYTES
                                               + " bytes; not read further",
                        operation, status, requestId, false);
            }
            return body;
        }
    }
}
