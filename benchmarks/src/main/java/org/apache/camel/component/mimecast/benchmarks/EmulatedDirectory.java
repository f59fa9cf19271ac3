package org.apache.camel.component.mimecast.benchmarks;

import java.util.HashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * An emulator on loopback and a CamelContext whose component points at it.
 */
final class EmulatedDirectory implements AutoCloseable {

    final MimecastEmulator emulator = MimecastEmulator.builder().build().start();
    final CamelContext camel = new DefaultCamelContext();

    EmulatedDirectory() {
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        PropertyBindingSupport.bindProperties(camel, component.getConfiguration(),
                new HashMap<String, Object>(emulator.componentOptions()));
        camel.addComponent("mimecast-directory", component);
    }

    String groupWith(int members) {
        String group = emulator.directory().createGroup("Group of " + members).id();
        emulator.directory().addMembers(group, members);
        return group;
    }

    @Override
    public void close() {
        camel.stop();
        emulator.close();
    }
}
