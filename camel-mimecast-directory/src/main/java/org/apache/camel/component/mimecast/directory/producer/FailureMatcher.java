package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;

/**
 * Pairs the {@code fail[]} entries of a write response with the request items they name. Mimecast echoes the failed
 * item as {@code key}; only the documented request fields are compared, email addresses and domains without regard
 * to letter case (Mimecast may echo them normalised). A failure that names no item is left unmatched: charging it to
 * some item would report the wrong person as failed and another as done.
 */
final class FailureMatcher {

    /** The request fields that identify an item, as documented for the write operations. */
    private static final List<String> KEY_FIELDS = List.of("id", "emailAddress", "domain", "description", "parentId");
    private static final List<String> CASE_INSENSITIVE_FIELDS = List.of("emailAddress", "domain");

    /**
     * @param failureOf the failure of each item, by index; null where none
     * @param unmatched the failures that name no item of the request
     */
    record Matches(ItemFailure[] failureOf, List<ItemFailure> unmatched) {
    }

    private FailureMatcher() {
    }

    static Matches match(List<JsonNode> items, List<ItemFailure> failures) {
        ItemFailure[] failureOf = new ItemFailure[items.size()];
        List<ItemFailure> unmatched = new ArrayList<>();
        for (ItemFailure failure : failures) {
            int index = firstUnclaimedMatch(items, failureOf, failure.key());
            if (index >= 0) {
                failureOf[index] = failure;
            } else {
                unmatched.add(failure);
            }
        }
        return new Matches(failureOf, unmatched);
    }

    /**
     * The one unclaimed item the key names, or -1 when it names none, or several (a key of only the group id names
     * every item of a member batch): guessing among them could report the wrong person.
     */
    private static int firstUnclaimedMatch(List<JsonNode> items, ItemFailure[] failureOf, Map<String, Object> key) {
        if (KEY_FIELDS.stream().noneMatch(field -> key.get(field) != null)) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < items.size(); i++) {
            if (failureOf[i] == null && matches(key, items.get(i))) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static boolean matches(Map<String, Object> key, JsonNode item) {
        for (String field : KEY_FIELDS) {
            Object echoed = key.get(field);
            if (echoed == null) {
                continue;
            }
            JsonNode sent = item.get(field);
            if (sent == null || sent.isNull() || !sameValue(field, sent.asText(), String.valueOf(echoed))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(String field, String sent, String echoed) {
        if (CASE_INSENSITIVE_FIELDS.contains(field)) {
            return sent.trim().toLowerCase(Locale.ROOT).equals(echoed.trim().toLowerCase(Locale.ROOT));
        }
        return sent.equals(echoed);
    }
}
