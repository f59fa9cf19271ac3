package org.apache.camel.quarkus.component.mimecast.directory.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.component.mimecast.directory.model.MemberChange;

/** Keeps the membership changes the consumer route received, for the tests to read. */
@ApplicationScoped
public class ChangeCollector {

    private final List<MemberChange> changes = new CopyOnWriteArrayList<>();

    public void add(MemberChange change) {
        changes.add(change);
    }

    public List<MemberChange> changes() {
        return List.copyOf(changes);
    }
}
