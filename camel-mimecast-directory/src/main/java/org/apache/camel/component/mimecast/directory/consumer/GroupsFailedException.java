package org.apache.camel.component.mimecast.directory.consumer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.RuntimeCamelException;

/**
 * Thrown at the end of a poll in which some groups could not be read or were held back (maxRemovals), after the
 * other groups were delivered. Thrown so that Camel's consumer health check goes DOWN and the consumer's exception
 * handler sees it; each failed group keeps its state and is read again by the next poll.
 */
public class GroupsFailedException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final List<String> groupIds;

    public GroupsFailedException(Map<String, Exception> failures) {
        super(failures.size() + " Mimecast group(s) not delivered this poll (nothing emitted or committed for them; "
              + "the other groups were): " + failures.entrySet().stream()
                      .map(e -> e.getKey() + ": " + e.getValue().getMessage()).collect(Collectors.joining("; ")),
              failures.values().iterator().next());
        this.groupIds = List.copyOf(failures.keySet());
        failures.values().stream().skip(1).forEach(this::addSuppressed);
    }

    /** The groups that failed, in poll order. */
    public List<String> getGroupIds() {
        return groupIds;
    }
}
