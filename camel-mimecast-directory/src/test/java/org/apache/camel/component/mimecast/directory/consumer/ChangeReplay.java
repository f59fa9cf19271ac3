package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The downstream view rebuilt from the JSON lines that {@link ChangesConsumerProcess} children appended (one line per
 * change, {@code exchange} = pid-sequence): the view, the changes that repeated what the view already had, and the
 * changes of each JVM's last exchange (the one in flight when it was killed).
 */
record ChangeReplay(Set<String> view, List<String> repeated, List<String> inFlight) {

    static ChangeReplay of(Path changes) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> view = new LinkedHashSet<>();
        List<String> repeated = new ArrayList<>();
        Map<String, String> lastExchangeOfRun = new LinkedHashMap<>();
        Map<String, List<String>> changesOfExchange = new LinkedHashMap<>();
        for (String line : Files.readAllLines(changes)) {
            Map<String, String> change = json.readValue(line, new TypeReference<Map<String, String>>() {
            });
            String exchange = change.get("exchange");
            String described = change.get("change") + " " + change.get("member");
            lastExchangeOfRun.put(exchange.substring(0, exchange.indexOf('-')), exchange);
            changesOfExchange.computeIfAbsent(exchange, e -> new ArrayList<>()).add(described);
            boolean changed = change.get("change").equals("ADDED")
                    ? view.add(change.get("member")) : view.remove(change.get("member"));
            if (!changed) {
                repeated.add(described);
            }
        }
        List<String> inFlight = new ArrayList<>();
        lastExchangeOfRun.values().forEach(exchange -> inFlight.addAll(changesOfExchange.get(exchange)));
        return new ChangeReplay(view, repeated, inFlight);
    }
}
