package org.apache.camel.component.mimecast.directory.producer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.client.MimecastJson;
import org.apache.camel.component.mimecast.directory.model.RequestItem;

import static org.apache.camel.component.mimecast.directory.client.ErrorTexts.firstLine;

/**
 * Reads the request items of an operation from an exchange. The body may be a typed request, a {@code Map}, a JSON
 * string (one object, an array, or a whole {@code {"data":[...]}} envelope; also as {@code byte[]} or
 * {@code InputStream}), or a {@code List} or array of these; a plain string is the operation's main field (e.g. the
 * email address for add-group-member). Any other body is refused, naming the shapes above. Fields missing from the
 * body are taken from headers, then from endpoint options. Every item is validated before any HTTP call.
 *
 * @param <I> the request item type
 */
final class RequestItemReader<I extends RequestItem> {

    /**
     * What a plain (non JSON) string stands for.
     *
     * @param field the field it sets, for messages
     * @param item  the request with only that field set
     */
    record Shorthand<T>(String field, Function<String, T> item) {
    }

    private static final Set<String> ENVELOPE_KEYS = Set.of("data", "meta");

    private final Class<I> type;
    private final BiFunction<Message, MimecastDirectoryConfiguration, I> fromInputs;
    private final BinaryOperator<I> withDefaults;
    private final Shorthand<I> shorthand;
    private final ObjectMapper mapper;
    private final ObjectReader itemReader;

    /**
     * @param type         the request item type
     * @param fromInputs   builds an item from headers and options alone (a header wins over its option)
     * @param withDefaults fills the fields a body item leaves unset from the item of headers and options
     * @param shorthand    what a plain string stands for, or null when there is none
     * @param mapper       the strict mapper of request bodies ({@link MimecastJson#newRequestMapper()})
     */
    RequestItemReader(Class<I> type, BiFunction<Message, MimecastDirectoryConfiguration, I> fromInputs,
                      BinaryOperator<I> withDefaults, Shorthand<I> shorthand, ObjectMapper mapper) {
        this.type = type;
        this.fromInputs = fromInputs;
        this.withDefaults = withDefaults;
        this.shorthand = shorthand;
        this.mapper = mapper;
        this.itemReader = mapper.readerFor(type);
    }

    RequestItems<I> read(Exchange exchange, MimecastDirectoryConfiguration configuration, String operation) {
        I defaults = fromInputs.apply(exchange.getMessage(), configuration);
        Object body = parsedBody(exchange, operation);
        Iterator<?> elements = elementsOf(body, operation);
        RequestItems<I> items;
        if (body == null) {
            items = new RequestItems<>(List.of(defaults), false);
        } else if (elements != null) {
            items = new RequestItems<>(readAll(elements, defaults, operation), true);
        } else {
            items = new RequestItems<>(List.of(withDefaults.apply(toItem(body, operation), defaults)), false);
        }
        validate(items, operation);
        return items;
    }

    /**
     * The body, with text in any form read (see {@link BodyText}) and JSON parsed, so that a JSON array is seen as a
     * list. A blank text body is no body: an empty HTTP or timer body must not blank out the options.
     */
    private Object parsedBody(Exchange exchange, String operation) {
        String text = BodyText.of(exchange, operation);
        if (text == null) {
            return exchange.getMessage().getBody();
        }
        if (text.isBlank()) {
            return null;
        }
        return isJson(text) ? parse(text, operation) : text;
    }

    /** The elements of a list body (a collection, an array, a JSON array or envelope), or null for one item. */
    private static Iterator<?> elementsOf(Object body, String operation) {
        if (body instanceof Collection<?> collection) {
            return collection.iterator();
        }
        if (body instanceof Object[] array) {
            return Arrays.asList(array).iterator(); // keeps nulls, to name them
        }
        if (body instanceof JsonNode node) {
            if (node.isArray()) {
                return node.elements();
            }
            if (node.path("data").isArray()) {
                Set<String> keys = new LinkedHashSet<>();
                node.fieldNames().forEachRemaining(keys::add);
                checkEnvelope(keys, operation);
                return node.get("data").elements();
            }
            return null;
        }
        // What JSON unmarshalled into a Map makes of a {"data":[...]} envelope.
        if (body instanceof Map<?, ?> map && (map.get("data") instanceof Collection<?>
                                              || map.get("data") instanceof Object[])) {
            checkEnvelope(map.keySet(), operation);
            return elementsOf(map.get("data"), operation);
        }
        return null;
    }

    /** An envelope holds its items and nothing else: a field beside them would be dropped without notice. */
    private static void checkEnvelope(Set<?> keys, String operation) {
        for (Object key : keys) {
            if (!ENVELOPE_KEYS.contains(key)) {
                throw new MimecastValidationException(
                        "body", operation + " got a {\"data\":[...]} envelope with the field '" + key
                                + "' beside data: put it in each item (or in a header or option)");
            }
        }
    }

    private List<I> readAll(Iterator<?> elements, I defaults, String operation) {
        List<I> result = new ArrayList<>();
        for (int index = 0; elements.hasNext(); index++) {
            Object element = elements.next();
            if (element == null || element instanceof JsonNode json && json.isNull()) {
                throw new MimecastValidationException(
                        "body", "Item " + index + " of the body is null: remove it, or give a " + type.getSimpleName()
                                + ", a Map or a JSON object such as " + exampleJson());
            }
            try {
                result.add(withDefaults.apply(toItem(element, operation), defaults));
            } catch (MimecastValidationException e) {
                throw new MimecastValidationException(
                        e.getField(), "Item " + index + " of the body: " + e.getMessage());
            }
        }
        if (result.isEmpty()) {
            throw new MimecastValidationException(
                    "body", operation + " got an empty list: give at least one item, or no body to use the options");
        }
        return result;
    }

    /** One item as the body gives it, before the headers and options fill its gaps. */
    private I toItem(Object element, String operation) {
        if (type.isInstance(element)) {
            return type.cast(element);
        }
        if (element instanceof Map<?, ?>) {
            return bind(element, operation);
        }
        if (element instanceof JsonNode node) {
            return fromJson(node, operation);
        }
        if (element instanceof CharSequence chars) {
            String text = chars.toString().trim();
            return isJson(text) ? fromJson(parse(text, operation), operation) : fromShorthand(text, operation);
        }
        throw new MimecastValidationException(
                "body", operation + " cannot use a body of type " + element.getClass().getName() + ": send "
                        + acceptedShapes());
    }

    private I fromJson(JsonNode node, String operation) {
        if (node.isObject()) {
            return bind(node, operation);
        }
        if (node.isTextual() && shorthand != null) {
            return shorthand.item().apply(node.asText());
        }
        throw new MimecastValidationException(
                "body", operation + " expects each item to be a JSON object such as " + exampleJson() + ", got a JSON "
                        + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    /** Binds a Map or a JSON object to the item type, without building a JSON tree of the Map. */
    private I bind(Object mapOrObject, String operation) {
        if (hasField(mapOrObject, "id") && hasField(mapOrObject, "groupId")) {
            throw new MimecastValidationException(
                    "id", operation + " got both 'id' and 'groupId', two names of the same field: give one");
        }
        try (JsonParser tokens = tokensOf(mapOrObject)) {
            return itemReader.readValue(tokens);
        } catch (UnrecognizedPropertyException e) {
            throw new MimecastValidationException(
                    e.getPropertyName(), operation + " does not know the field '" + e.getPropertyName()
                                         + "': use " + e.getKnownPropertyIds(),
                    e);
        } catch (IOException e) {
            throw new MimecastValidationException(
                    "body", operation + " got a field of the wrong type: " + firstLine(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw new MimecastValidationException("body", operation + " got a body nested too deeply to read");
        }
    }

    private static boolean hasField(Object mapOrObject, String name) {
        return mapOrObject instanceof Map<?, ?> map ? map.containsKey(name) : ((JsonNode) mapOrObject).has(name);
    }

    private JsonParser tokensOf(Object mapOrObject) throws IOException {
        if (mapOrObject instanceof JsonNode node) {
            return itemReader.treeAsTokens(node);
        }
        TokenBuffer tokens = new TokenBuffer(mapper, false);
        mapper.writeValue(tokens, mapOrObject);
        return tokens.asParser();
    }

    private I fromShorthand(String text, String operation) {
        if (shorthand == null) {
            throw new MimecastValidationException(
                    "body", operation + " got a text body that is not JSON: send a JSON object such as "
                            + exampleJson() + ", or use options and headers");
        }
        return shorthand.item().apply(text);
    }

    private JsonNode parse(String text, String operation) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new MimecastValidationException(
                    "body", operation + " got a body that is not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static boolean isJson(String text) {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
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

    private String acceptedShapes() {
        return "a " + type.getSimpleName() + ", a Map, a JSON string"
               + (shorthand == null ? "" : ", a plain string (the " + shorthand.field() + ")") + " or a List of these";
    }

    private String exampleJson() {
        return "{\"" + (shorthand == null ? "id" : shorthand.field()) + "\":\"...\"}";
    }
}
