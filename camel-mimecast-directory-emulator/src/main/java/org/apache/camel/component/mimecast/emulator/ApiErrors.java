package org.apache.camel.component.mimecast.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds Mimecast's error envelopes: {@code {"meta":{"status":N},"data":[],"fail":[{"key":..,"errors":[..]}]}}.
 *
 * Codes documented by Mimecast or seen in the wild: err_xdk_invalid_signature, err_xdk_binding_expired,
 * err_developer_key, err_validation_blank, err_validation_null, err_validation_invalid_email_address,
 * err_folder_group_member_already_exists, err_folder_email_address_not_found. The others are the emulator's own names
 * for failures the docs describe without a code.
 */
final class ApiErrors {

    private final ObjectMapper mapper;

    ApiErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One error for the whole request, with the given HTTP status. */
    ApiReply request(int status, String code, String message) {
        ObjectNode envelope = envelope(status);
        ((ArrayNode) envelope.get("fail")).add(failure(null, code, message, status >= 500));
        return ApiReply.json(status, envelope.toString());
    }

    ObjectNode envelope(int status) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.putObject("meta").put("status", status);
        envelope.putArray("data");
        envelope.putArray("fail");
        return envelope;
    }

    ObjectNode failure(JsonNode key, String code, String message, boolean retryable) {
        ObjectNode failure = mapper.createObjectNode();
        if (key != null) {
            failure.set("key", key);
        }
        ObjectNode error = failure.putArray("errors").addObject();
        error.put("code", code).put("message", message).put("retryable", retryable);
        return failure;
    }
}
