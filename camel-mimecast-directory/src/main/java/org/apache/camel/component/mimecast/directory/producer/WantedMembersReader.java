package org.apache.camel.component.mimecast.directory.producer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;

import static org.apache.camel.component.mimecast.directory.client.ErrorTexts.firstLine;

/**
 * Reads the wanted membership of set-group-members from the body: a {@code List} (or array) of email addresses and
 * domains as strings, of maps or beans with {@code emailAddress} or {@code domain} (a {@code Member} as read from
 * get-group-members works), or a JSON string of such a list. Every item is checked before any HTTP call; a message
 * names the item's index and the fix.
 */
final class WantedMembersReader {

    private static final String OPERATION = "set-group-members";

    private final ObjectMapper mapper;

    WantedMembersReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<WantedMember> read(Exchange exchange, String groupId) {
        List<WantedMember> wanted = new ArrayList<>();
        Map<String, Integer> indexByKey = new HashMap<>();
        Iterator<?> items = items(exchange);
        for (int index = 0; items.hasNext(); index++) {
            WantedMember member = toMember(items.next(), index);
            try {
                member.request(groupId).validate(OPERATION);
            } catch (MimecastValidationException e) {
                throw new MimecastValidationException(
                        e.getField(), "Item " + index + " of the body: " + e.getMessage());
            }
            Integer earlier = indexByKey.putIfAbsent(member.key(), index);
            if (earlier != null) {
                throw new MimecastValidationException(
                        "body", "Items " + earlier + " and " + index + " of the body are the same member '"
                                + member.value() + "' (addresses and domains are compared ignoring case): remove one");
            }
            wanted.add(member);
        }
        return wanted;
    }

    private Iterator<?> items(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Collection<?> collection) {
            return collection.iterator();
        }
        if (body instanceof Object[] array) {
            return Arrays.asList(array).iterator(); // keeps nulls, to name them
        }
        String text = BodyText.of(exchange, OPERATION);
        if (text != null && text.trim().startsWith("[")) {
            try {
                return mapper.readTree(text).elements();
            } catch (IOException e) {
                throw new MimecastValidationException(
                        "body", OPERATION + " got a body that is not valid JSON: " + firstLine(e.getMessage()), e);
            }
        }
        throw new MimecastValidationException(
                "body", OPERATION + " needs the wanted members in the body: a List of email addresses or domains, of"
                        + " objects with emailAddress or domain, or a JSON array of these (an empty list needs allowEmpty=true),"
                        + " got " + (body == null ? "no body" : "a " + body.getClass().getName()));
    }

    private WantedMember toMember(Object item, int index) {
        if (item == null || item instanceof JsonNode node && node.isNull()) {
            throw invalid(index, "is null: remove it, or give an email address or a domain");
        }
        JsonNode node;
        if (item instanceof JsonNode json) {
            node = json;
        } else if (item instanceof CharSequence text) {
            node = TextNode.valueOf(text.toString());
        } else {
            try {
                node = mapper.valueToTree(item);
            } catch (IllegalArgumentException e) {
                node = null;
            }
        }
        if (node != null && node.isTextual()) {
            String value = node.asText().trim();
            if (value.isEmpty()) {
                throw invalid(index, "is blank: remove it, or give an email address or a domain");
            }
            return value.contains("@") ? new WantedMember(value, null) : new WantedMember(null, value);
        }
        if (node == null || !node.isObject()) {
            throw invalid(index, "is a " + (item instanceof JsonNode ? "JSON " + node.getNodeType() : item.getClass()
                    .getName()) + ": give an email address or a domain as a string, or an object with emailAddress"
                                 + " or domain");
        }
        String emailAddress = text(node, "emailAddress", index);
        String domain = text(node, "domain", index);
        if (emailAddress == null && domain == null) {
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            throw invalid(index, "has neither emailAddress nor domain (its fields: " + fields + "): give one of them");
        }
        if (emailAddress != null && domain != null) {
            // A member as Mimecast lists it carries its address's domain too: that is a user, not a conflict.
            if (!emailAddress.toLowerCase(Locale.ROOT).endsWith("@" + domain.toLowerCase(Locale.ROOT))) {
                throw invalid(index, "has both emailAddress '" + emailAddress + "' and domain '" + domain
                                     + "': give emailAddress for a user or domain for a whole domain, not both");
            }
            domain = null;
        }
        return new WantedMember(emailAddress, domain);
    }

    private static String text(JsonNode node, String field, int index) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(index, "has a " + field + " that is not a string (" + value + "): give it as text");
        }
        return value.asText().trim();
    }

    private static MimecastValidationException invalid(int index, String problem) {
        return new MimecastValidationException("body", "Item " + index + " of the body " + problem + " (" + OPERATION
                                                       + " takes a list of the members the group should have)");
    }
}
