package org.apache.camel.example.mimecast.quarkus;

import java.util.HashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.apache.camel.support.PropertyBindingSupport;
import org.eclipse.microprofile.config.Config;

/**
 * The demo: when application.properties gives the component no access key (no {@code MIMECAST_ACCESS_KEY}), connects
 * the mimecast-directory component to an embedded emulator seeded with demo groups as Camel adds the component.
 */
@ApplicationScoped
public class MimecastDirectorySetup {

    private final Config config;
    private DemoMimecast demo;

    public MimecastDirectorySetup(Config config) {
        this.config = config;
    }

    void connect(@Observes ComponentAddEvent event) {
        if (!(event.getComponent() instanceof MimecastDirectoryComponent component)
            || config.getOptionalValue("camel.component.mimecast-directory.access-key", String.class).isPresent()) {
            return;
        }
        demo = DemoMimecast.start(name -> config.getOptionalValue(name, String.class).orElse(null));
        seedDemo();
        PropertyBindingSupport.bindProperties(component.getCamelContext(), component.getConfiguration(),
                new HashMap<>(demo.emulator().componentOptions()));
    }

    /** The embedded emulator, when the app runs without Mimecast credentials. */
    public MimecastEmulator emulator() {
        return demo.emulator();
    }

    private void seedDemo() {
        String staff = demo.directory().createGroup("Staff").id();
        demo.directory().addMembers(staff, 5);
        String managers = demo.directory().createGroup("Staff Managers").id();
        demo.directory().addMember(managers, "boss@example.com", null);
        int seconds = config.getValue("mimecast.demo.churn-seconds", Integer.class);
        if (seconds > 0) {
            demo.simulateHrChanges(staff, seconds, seconds);
        }
        demo.dropStateFile("mimecast.state-file");
    }

    void stop(@Observes ShutdownEvent event) {
        if (demo != null) {
            demo.close();
        }
    }
}
