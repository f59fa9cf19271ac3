package org.apache.camel.example.mimecast.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.StringHelper;

/**
 * The examples' demo: an embedded Mimecast emulator with demo data in place of real Mimecast.
 * <p>
 * An example runs the demo unless {@code MIMECAST_ACCESS_KEY} is set ({@link #wanted()}); otherwise its profile
 * {@value #MIMECAST_PROFILE} ({@code application-mimecast.properties}) reads the real Mimecast settings from the
 * environment. In the demo, the example's seed creates the demo data and returns the properties its configuration
 * reads from it (such as {@code demo.group-id}); the emulator's connection reaches the component as
 * {@code camel.component.mimecast-directory.*} properties ({@link #componentProperties()}).
 */
public final class DemoMimecast implements AutoCloseable {

    /** The profile with the settings for real Mimecast, chosen when MIMECAST_ACCESS_KEY is set. */
    public static final String MIMECAST_PROFILE = "mimecast";

    private static final String COMPONENT = "camel.component.mimecast-directory.";

    /** Creates an example's demo data. */
    @FunctionalInterface
    public interface Seed {

        /** @return the properties the demo provides to the example's configuration, such as demo.group-id */
        Map<String, String> seed(DemoMimecast demo) throws Exception;
    }

    private final MimecastEmulator emulator;
    private final Function<String, String> settings;
    private ScheduledExecutorService hrChanges;

    private DemoMimecast(MimecastEmulator emulator, Function<String, String> settings) {
        this.emulator = emulator;
        this.settings = settings;
    }

    /** The demo runs unless the environment names real Mimecast credentials. */
    public static boolean wanted() {
        return System.getenv("MIMECAST_ACCESS_KEY") == null;
    }

    /**
     * Starts the emulator.
     *
     * @param settings the example's configuration by property name (resolved), for the seed
     */
    public static DemoMimecast start(Function<String, String> settings) {
        MimecastEmulator emulator = MimecastEmulator.builder().build().start();
        System.out.println("No MIMECAST_ACCESS_KEY: the demo runs against the embedded emulator at " + emulator.baseUrl());
        return new DemoMimecast(emulator, settings);
    }

    /**
     * Camel Main: real Mimecast through the profile {@value #MIMECAST_PROFILE}, or the demo, seeded once Camel has
     * read the example's properties. Close the result when main has run: it stops the emulator also when Camel
     * failed to start.
     */
    public static AutoCloseable configure(Main main, boolean demo, Seed seed) {
        if (!demo) {
            main.configure().setProfile(MIMECAST_PROFILE);
            return () -> {
            };
        }
        MainDemo listener = new MainDemo(seed);
        main.addMainListener(listener);
        return listener;
    }

    public MimecastEmulator emulator() {
        return emulator;
    }

    public InMemoryDirectory directory() {
        return emulator.directory();
    }

    /** A property of the example's configuration, resolved; null if it has none. */
    public String setting(String name) {
        return settings.apply(name);
    }

    /**
     * Deletes the membership state file that the setting names. The emulator starts with fresh demo data every run,
     * so state kept from an earlier run would describe a directory that no longer exists, and the first poll would
     * report false changes (new hires "removed", leavers "added"); without it the first poll is a clean baseline.
     */
    public void dropStateFile(String setting) {
        Path file = Path.of(setting(setting));
        try {
            if (Files.deleteIfExists(file)) {
                System.out.println("Fresh demo data: dropped the membership state of an earlier run (" + file + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the state file " + file, e);
        }
    }

    /**
     * Demo data that changes as an HR feed would: every {@code periodSeconds} (first after {@code firstSeconds}) the
     * n-th new hire joins the group and {@code user0000n} leaves it, until the demo is closed.
     */
    public void simulateHrChanges(String groupId, long firstSeconds, long periodSeconds) {
        AtomicInteger hires = new AtomicInteger();
        hrChanges = Executors.newSingleThreadScheduledExecutor();
        hrChanges.scheduleAtFixedRate(() -> {
            int n = hires.incrementAndGet();
            directory().addMember(groupId, "new.hire" + n + "@example.com", null);
            directory().removeMember(groupId, String.format("user%05d@example.com", n));
        }, firstSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** The emulator's connection (baseUrl and its credentials) as {@code camel.component.mimecast-directory.*}. */
    public Map<String, String> componentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        emulator.componentOptions().forEach(
                (option, value) -> properties.put(COMPONENT + StringHelper.camelCaseToDash(option), value));
        return properties;
    }

    @Override
    public void close() {
        if (hrChanges != null) {
            hrChanges.shutdownNow();
        }
        emulator.close();
    }

    /** Starts and seeds the demo when Camel Main has loaded the properties, before it configures the component. */
    private static final class MainDemo extends MainListenerSupport implements AutoCloseable {

        private final Seed seed;
        private DemoMimecast demo;

        MainDemo(Seed seed) {
            this.seed = seed;
        }

        @Override
        public void beforeConfigure(BaseMainSupport main) {
            PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
            demo = start(name -> properties.resolveProperty(name).orElse(null));
            Map<String, String> provided = new LinkedHashMap<>(demo.componentProperties());
            try {
                provided.putAll(seed.seed(demo));
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeException(e);
            }
            // Override properties: the demo's connection takes precedence over any in the application's properties.
            provided.forEach(main::addOverrideProperty);
            properties.setOverrideProperties(main.getOverrideProperties());
        }

        @Override
        public void afterStop(BaseMainSupport main) {
            close();
        }

        @Override
        public void close() {
            if (demo != null) {
                demo.close();
            }
        }
    }
}
