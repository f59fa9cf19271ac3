package org.apache.camel.example.mimecast.quarkus;

import java.util.HashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.MimecastConnection;
import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.apache.camel.support.PropertyBindingSupport;
import org.eclipse.microprofile.config.Config;

/**
 * Connects the mimecast-directory component when Camel adds it: to real Mimecast when the {@code MIMECAST_*}
 * settings name an access key, else to an embedded emulator seeded with demo groups.
 */
@ApplicationScoped
public class MimecastDirectorySetup {

    private final Config config;
    private MimecastConnection connection;

    public MimecastDirectorySetup(Config config) {
        this.config = config;
    }

    void connect(@Observes ComponentAddEvent event) {
        if (!(event.getComponent() instanceof MimecastDirectoryComponent component)) {
            return;
        }
        connection = MimecastConnection.from(name -> config.getOptionalValue(name, String.class).orElse(null));
        if (connection.isEmulated()) {
            seedDemo(connection.emulator());
        }
        PropertyBindingSupport.bindProperties(component.getCamelContext(), component.getConfiguration(),
                new HashMap<>(connection.componentOptions()));
    }

    /** The embedded emulator, when the app runs without Mimecast credentials. */
    public MimecastEmulator emulator() {
        return connection.emulator();
    }

    private void seedDemo(MimecastEmulator emulator) {
        String staff = emulator.directory().createGroup("Staff").id();
        emulator.directory().addMembers(staff, 5);
        String managers = emulator.directory().createGroup("Staff Managers").id();
        emulator.directory().addMember(managers, "boss@example.com", null);
        int seconds = config.getValue("mimecast.demo.churn-seconds", Integer.class);
        if (seconds > 0) {
            connection.simulateHrChanges(staff, seconds, seconds);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (connection != null) {
            connection.close();
        }
    }
}
