package org.apache.camel.component.mimecast.directory.producer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.model.RequestItem;

import static org.apache.camel.component.mimecast.directory.client.ErrorTexts.firstLine;

/**
 * Reads the request items of an operation from an exchange. The body may be a typed request, a {@code Map}, a JSON
 * string (one object, an array, or a whole {@code {"data":[...]}} envelope), any bean with matching properties, or a
 * list of these; a plain string is the operation's main field (e.g. the email address for add-group-member). Fields
 * missing from the body are taken from headers, then from endpoint options. Every item is validated before any HTTP
 * call.
 *
 * @param <I> the request item type
 */
final class RequestItemReader<I extends RequestItem> {

    private final Class<I> type;
    private final BiFunction<Message, MimecastDirectoryConfiguration, I> fromInputs;
    private final String shorthandField;
    private final ObjectMapper mapper;

    /**
     * @param type           the request item type
     * @param fromInputs     builds an item from headers and options alone (a header wins over its option)
     * @param shorthandField the field a plain (non JSON) string stands for, or null when there is none
     */
    RequestItemReader(Class<I> type, BiFunction<Message, MimecastDirectoryConfiguration, I> fromInputs,
                      String shorthandField, ObjectMapper mapper) {
        this.type = type;
        this.fromInputs = fromInputs;
        this.shorthandField = shorthandField;
        this.mapper = mapper;
    }

    RequestItems<I> read(Exchange exchange, MimecastDirectoryConfiguration configuration, String operation) {
        ObjectNode defaults = mapper.valueToTree(fromInputs.apply(exchange.getMessage(), configuration));
        Object body = exchange.getMessage().getBody();
        RequestItems<I> items;
        if (body == null) {
            items = new RequestItems<>(List.of(toItem(defaults, defaults, operation, true)), false);
        } else if (body instanceof Collection<?> collection) {
            items = new RequestItems<>(readAll(collection.iterator(), defaults, operation), true);
        } else if (body instanceof Object[] array) {
            items = new RequestItems<>(readAll(List.of(array).iterator(), defaults, operation), true);
        } else {
            JsonNode node = toNode(exchange, body, operation);
            if (node.isArray() || node.has("data") && node.get("data").isArray()) {
                JsonNode array = node.isArray() ? node : node.get("data");
                items = new RequestItems<>(readAll(array.elements(), defaults, operation), true);
            } else {
                items = new RequestItems<>(List.of(toItem(node, defaults, operation, isStrict(body))), false);
            }
        }
        validate(items, operation);
        return items;
    }

    private List<I> readAll(Iterator<?> elements, ObjectNode defaults, String operation) {
        List<I> result = new ArrayList<>();
        int index = 0;
        while (elements.hasNext()) {
            Object element = elements.next();
            if (element == null || element instanceof JsonNode json && json.isNull()) {
                throw new MimecastValidationException(
                        "body", "Item " + index + " of the body is null: remove it, or give a " + type.getSimpleName()
                                + ", a Map or a JSON object such as " + exampleJson());
            }
            try {
                JsonNode node = element instanceof JsonNode json ? json : toNode(null, element, operation);
                result.add(toItem(node, defaults, operation, isStrict(element)));
            } catch (MimecastValidationException e) {
                throw new MimecastValidationException(e.getField(), "Item " + index + " of the body: " + e.getMessage());
            }
            index++;
        }
        if (result.isEmpty()) {
            throw new MimecastValidationException(
                    "body", operation + " got an empty list: give at least one item, or no body to use the options");
        }
        return result;
    }

    private JsonNode toNode(Exchange exchange, Object body, String operation) {
        if (type.isInstance(body) || body instanceof Map) {
            return mapper.valueToTree(body);
        }
        String text = body instanceof String s ? s : asText(exchange, body);
        if (text == null) {
            // A bean: its properties with the request's names are used, the others ignored.
            JsonNode node = mapper.valueToTree(body);
            if (!node.isObject()) {
                throw new MimecastValidationException(
                        "body", operation + " cannot use a body of type " + body.getClass().getName()
                                + ": send a " + type.getSimpleName() + ", a Map, a JSON string or a List of these");
            }
            return node;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return mapper.readTree(trimmed);
            } catch (IOException e) {
                throw new MimecastValidationException(
                        "body", operation + " got a body that is not valid JSON: " + firstLine(e.getMessage()), e);
            }
        }
        if (shorthandField == null) {
            throw new MimecastValidationException(
                    "body", operation + " got a text body that is not JSON: send a JSON object such as "
                            + exampleJson() + ", or use options and headers");
        }
        return mapper.createObjectNode().put(shorthandField, trimmed);
    }

    private static String asText(Exchange exchange, Object body) {
        if (exchange != null && (body instanceof byte[] || body instanceof InputStream)) {
            return exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body);
        }
        return null;
    }

    private I toItem(JsonNode node, ObjectNode defaults, String operation, boolean strict) {
        if (!node.isObject()) {
            if (node.isTextual() && shorthandField != null) {
                node = mapper.createObjectNode().put(shorthandField, node.asText());
            } else {
                throw new MimecastValidationException(
                        "body", operation + " expects each item to be a JSON object such as " + exampleJson()
                                + ", got: " + node);
            }
        }
        ObjectNode merged = defaults.deepCopy();
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        try {
            return mapper.readerFor(type)
                    .with(strict ? DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES
                            : DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                    .without(strict ? DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT
                            : DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(merged);
        } catch (UnrecognizedPropertyException e) {
            throw new MimecastValidationException(
                    e.getPropertyName(), operation + " does not know the field '" + e.getPropertyName()
                                         + "': use " + e.getKnownPropertyIds(),
                    e);
        } catch (IOException e) {
            throw new MimecastValidationException(
                    "body", operation + " got a field of the wrong type: " + firstLine(e.getMessage()), e);
        }
    }

    /** Maps, JSON and typed requests are checked for unknown (misspelt) fields; arbitrary beans are not. */
    private boolean isStrict(Object body) {
        return body == null || body instanceof Map || body instanceof CharSequence || body instanceof JsonNode
                || body instanceof byte[] || body instanceof InputStream || type.isInstance(body);
    }

    private void validate(RequestItems<I> items, String operation) {
        List<I> list = items.items();
        for (int i = 0; i < list.size(); i++) {
            try {
                list.get(i).validate(operation);
            } catch (MimecastValidationException e) {
                if (!items.isList()) {
                    throw e;
                }
                throw new MimecastValidationException(e.getField(), "Item " + i + " of the body: " + e.getMessage());
            }
        }
    }

    private String exampleJson() {
        return "{" + (shorthandField == null ? "\"id\":\"...\"" : "\"" + shorthandField + "\":\"...\"") + "}";
    }
}
