package org.apache.camel.quarkus.component.mimecast.directory.it;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.camel.component.mimecast.emulator.ForwardProxy;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;

/**
 * Starts the emulator with two groups and hands the app its configuration: the component options and group ids.
 */
public class MimecastEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

    static final int EVERYONE_SIZE = 1234;
    private static MimecastEmulator emulator;
    private static ForwardProxy proxy;
    static String everyoneGroupId;
    static String watchedGroupId;

    @Override
    public Map<String, String> start() {
        emulator = MimecastEmulator.builder().build().start();
        everyoneGroupId = emulator.directory().createGroup("Everyone").id();
        emulator.directory().addMembers(everyoneGroupId, EVERYONE_SIZE);
        watchedGroupId = emulator.directory().createGroup("Watched").id();
        emulator.directory().addMembers(watchedGroupId, 5);

        Map<String, String> config = new HashMap<>();
        emulator.componentOptions().forEach((option, value) -> config.put(
                "camel.component.mimecast-directory." + option.replaceAll("([A-Z])", "-$1").toLowerCase(), value));
        config.put("mimecast.watched-group-id", watchedGroupId);
        // Every call through an authenticating outbound proxy, configured as a user behind one would.
        proxy = ForwardProxy.builder().credentials("quarkus-proxy-user", "quarkus-proxy-pa55").build().start();
        config.put("camel.component.mimecast-directory.proxy-host", proxy.host());
        config.put("camel.component.mimecast-directory.proxy-port", String.valueOf(proxy.port()));
        config.put("camel.component.mimecast-directory.proxy-auth-username", "quarkus-proxy-user");
        config.put("camel.component.mimecast-directory.proxy-auth-password", "quarkus-proxy-pa55");
        return config;
    }

    static MimecastEmulator emulator() {
        return emulator;
    }

    static ForwardProxy proxy() {
        return proxy;
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
