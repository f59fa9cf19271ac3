package org.apache.camel.example.mimecast.quarkus;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.mimecast.directory.MimecastApiException;

/** A failed Mimecast call is a 502 (the upstream failed), with the component's message, which holds no secrets. */
@Provider
public class MimecastErrorMapper implements ExceptionMapper<CamelExecutionException> {

    @Override
    public Response toResponse(CamelExecutionException exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        Response.Status status = cause instanceof MimecastApiException
                ? Response.Status.BAD_GATEWAY : Response.Status.INTERNAL_SERVER_ERROR;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", String.valueOf(cause.getMessage()))).build();
    }
}
