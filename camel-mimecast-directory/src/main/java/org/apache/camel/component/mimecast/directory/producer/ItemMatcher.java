package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.MemberAddress;

/**
 * Pairs the {@code fail[]} and {@code data} entries of a write response with the request items they name, by the key
 * fields Mimecast echoes, never by position: a reply with fewer data entries than items would otherwise report the
 * wrong items as applied. Email addresses and domains are compared by their {@link MemberAddress#identity}. An entry
 * that names no item, or several that cannot be told apart, is charged to none: the items it might concern stay
 * unconfirmed.
 */
final class ItemMatcher {

    /** The request fields that identify an item, as documented for the write operations. */
    private static final List<String> KEY_FIELDS = List.of("id", "emailAddress", "domain", "description", "parentId");
    private static final List<String> ADDRESS_FIELDS = List.of("emailAddress", "domain");

    /**
     * @param failureOf the failure of each item, by index; null where none
     * @param dataOf    the index of the data entry of each item, -1 where none
     * @param unmatched the failures that name no item of the request
     */
    record Matches(ItemFailure[] failureOf, int[] dataOf, List<ItemFailure> unmatched) {
    }

    private ItemMatcher() {
    }

    /**
     * @param echo the request fields a data entry echoes (field name to value), or null when the operation's data
     *             entries name no item
     */
    static <D> Matches match(List<JsonNode> items, List<ItemFailure> failures, List<D> data,
                             Function<D, Map<String, Object>> echo) {
        ItemFailure[] failureOf = new ItemFailure[items.size()];
        int[] dataOf = new int[items.size()];
        java.util.Arrays.fill(dataOf, -1);
        List<ItemFailure> unmatched = new ArrayList<>();
        for (ItemFailure failure : failures) {
            List<Integer> candidates = candidates(items, failureOf, dataOf, failure.key());
            if (candidates.size() == 1 && KEY_FIELDS.stream().anyMatch(f -> failure.key().get(f) != null)) {
                failureOf[candidates.get(0)] = failure;
            } else {
                unmatched.add(failure);
            }
        }
        if (echo != null) {
            matchData(items, data, echo, failureOf, dataOf);
        }
        return new Matches(failureOf, dataOf, unmatched);
    }

    /**
     * Claims items for data entries that name exactly one unclaimed item, again until nothing changes (a claim can
     * make another entry unique). Entries left that each could be any of the items left, as many entries as items,
     * confirm them all.
     */
    private static <D> void matchData(List<JsonNode> items, List<D> data, Function<D, Map<String, Object>> echo,
                                      ItemFailure[] failureOf, int[] dataOf) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            pending.add(i);
        }
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext();) {
                int entry = it.next();
                List<Integer> candidates = candidates(items, failureOf, dataOf, echo.apply(data.get(entry)));
                if (candidates.size() == 1) {
                    dataOf[candidates.get(0)] = entry;
                    it.remove();
                    progress = true;
                } else if (candidates.isEmpty()) {
                    it.remove();
                }
            }
        }
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (failureOf[i] == null && dataOf[i] < 0) {
                left.add(i);
            }
        }
        boolean interchangeable = !pending.isEmpty() && pending.size() == left.size()
                                  && pending.stream().allMatch(entry -> candidates(items, failureOf, dataOf,
                                          echo.apply(data.get(entry))).equals(left));
        if (interchangeable) {
            for (int i = 0; i < left.size(); i++) {
                dataOf[left.get(i)] = pending.get(i);
            }
        }
    }

    /** The unclaimed items whose fields equal every field the key gives. */
    private static List<Integer> candidates(List<JsonNode> items, ItemFailure[] failureOf, int[] dataOf,
                                            Map<String, Object> key) {
        List<Integer> found = new ArrayList<>();
        if (key.values().stream().allMatch(Objects::isNull)) {
            return found;
        }
        for (int i = 0; i < items.size(); i++) {
            if (failureOf[i] == null && dataOf[i] < 0 && matches(key, items.get(i))) {
                found.add(i);
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
        if (ADDRESS_FIELDS.contains(field)) {
            return MemberAddress.identity(sent.trim()).equals(MemberAddress.identity(echoed.trim()));
        }
        return sent.equals(echoed);
    }
}
