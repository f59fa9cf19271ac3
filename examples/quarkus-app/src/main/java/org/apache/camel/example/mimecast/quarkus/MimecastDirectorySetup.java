package org.apache.camel.example.mimecast.quarkus;

import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    private ScheduledExecutorService churn;

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
            AtomicInteger hires = new AtomicInteger();
            churn = Executors.newSingleThreadScheduledExecutor();
            churn.scheduleAtFixedRate(() -> {
                int n = hires.incrementAndGet();
                emulator.directory().addMember(staff, "new.hire" + n + "@example.com", null);
                emulator.directory().removeMember(staff, String.format("user%05d@example.com", n));
            }, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (churn != null) {
            churn.shutdownNow();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
