package org.apache.camel.example.mimecast.quarkus;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.quarkus.main.events.BeforeConfigure;

/**
 * The demo or real Mimecast, by DemoMimecast's rule, before Camel configures the component and reads the routes:
 * without any Mimecast connection variable ({@link DemoMimecast#CONNECTION_VARIABLES}; the app's own
 * {@code MIMECAST_GROUP_QUERY}, {@code MIMECAST_POLL_DELAY} and {@code MIMECAST_STATE_FILE} are none), connects the mimecast-directory component to an embedded emulator seeded
 * with demo groups and gives the route the demo's own state file; with them, application.properties reads real
 * Mimecast, and the variables set choose the component's authMode.
 */
@ApplicationScoped
public class MimecastDirectorySetup {

    /** Quarkus reads MIMECAST_STATE_FILE for mimecast.state-file: the demo would use a real run's state. */
    static final List<String> REAL_SYSTEMS = List.of("MIMECAST_STATE_FILE");

    private DemoMimecast demo;

    /** The demo or real Mimecast, as the environment says (DemoMimecast's rule). */
    static Target target(Map<String, String> env) {
        return DemoMimecast.target(env, List.of(), REAL_SYSTEMS);
    }

    void configure(@Observes BeforeConfigure event) {
        BaseMainSupport main = event.getMain();
        Target target = target(System.getenv());
        if (target == Target.DEMO) {
            demo = DemoMimecast.startFor(main, this::seedDemo);
        } else {
            main.addOverrideProperty("camel.component.mimecast-directory.auth-mode", target.authMode());
            main.getCamelContext().getPropertiesComponent().setOverrideProperties(main.getOverrideProperties());
        }
    }

    /** The embedded emulator, when the app runs the demo. */
    public MimecastEmulator emulator() {
        return demo.emulator();
    }

    private Map<String, String> seedDemo(DemoMimecast demo) {
        String staff = demo.directory().createGroup("Staff").id();
        demo.directory().addMembers(staff, 5);
        String managers = demo.directory().createGroup("Staff Managers").id();
        demo.directory().addMember(managers, "boss@example.com", null);
        int seconds = Integer.parseInt(demo.setting("mimecast.demo.churn-seconds"));
        if (seconds > 0) {
            demo.simulateHrChanges(staff, seconds, seconds);
        }
        demo.dropStateFile("mimecast.demo.state-file");
        return Map.of("mimecast.state-file", demo.setting("mimecast.demo.state-file"));
    }

    void stop(@Observes ShutdownEvent event) {
        if (demo != null) {
            demo.close();
        }
    }
}
