package org.apache.camel.example.mimecast.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The examples' demo: an embedded Mimecast emulator with demo data in place of real Mimecast, and the rule that
 * decides between the demo and real Mimecast ({@link #target}).
 * <p>
 * The demo runs only when no Mimecast connection variable ({@link #CONNECTION_VARIABLES}) is set. Once one is set,
 * the run is for real Mimecast: the profile {@value #MIMECAST_PROFILE} ({@code application-mimecast.properties})
 * reads the settings from the environment, and a run that lacks one fails at startup instead of falling back to the
 * demo. The demo never touches what real runs use: it refuses to start when a variable that points at a real system
 * (an inbox, brokers, a state file, a database) is set, and it keeps its membership state in folders named
 * {@value #DEMO_STATE_FOLDER}, the only state it ever deletes.
 * <p>
 * In the demo, the example's seed creates the demo data and returns the properties its configuration reads from it
 * (such as {@code demo.group-id}); the emulator's connection reaches the component as
 * {@code camel.component.mimecast-directory.*} properties ({@link #componentProperties()}).
 */
public final class DemoMimecast implements AutoCloseable {

    /** The profile with the settings for real Mimecast. */
    public static final String MIMECAST_PROFILE = "mimecast";

    /** The property the profile {@value #MIMECAST_PROFILE} reads the component's authMode from. */
    public static final String AUTH_MODE_PROPERTY = "mimecast.auth-mode";

    /** The folder the demo keeps its membership state in; it deletes no state elsewhere. */
    public static final String DEMO_STATE_FOLDER = ".demo-state";

    private static final String ACCESS_KEY = "MIMECAST_ACCESS_KEY";
    private static final String SECRET_KEY = "MIMECAST_SECRET_KEY";
    private static final String APP_ID = "MIMECAST_APP_ID";
    private static final String APP_KEY = "MIMECAST_APP_KEY";
    private static final String CLIENT_ID = "MIMECAST_CLIENT_ID";
    private static final String CLIENT_SECRET = "MIMECAST_CLIENT_SECRET";
    private static final String REGION = "MIMECAST_REGION";
    private static final String BASE_URL = "MIMECAST_BASE_URL";
    private static final String GROUP_ID = "MIMECAST_GROUP_ID";
    private static final List<String> API_1_KEYS = List.of(ACCESS_KEY, SECRET_KEY, APP_ID, APP_KEY);
    private static final List<String> API_2_CLIENT = List.of(CLIENT_ID, CLIENT_SECRET);

    /** The variables that connect an example to real Mimecast: any of them set, even empty, rules the demo out. */
    public static final List<String> CONNECTION_VARIABLES = List.of(ACCESS_KEY, SECRET_KEY, APP_ID, APP_KEY, CLIENT_ID,
            CLIENT_SECRET, REGION, BASE_URL, GROUP_ID);

    private static final String COMPONENT = "camel.component.mimecast-directory.";

    /** What a run connects to. */
    public enum Target {
        /** The embedded emulator with demo data: no connection variable is set. */
        DEMO("hmac"),
        /** Real Mimecast with API 1.0 keys. */
        MIMECAST_API_1("hmac"),
        /** Real Mimecast with an API 2.0 client. */
        MIMECAST_API_2("oauth2");

        private final String authMode;

        Target(String authMode) {
            this.authMode = authMode;
        }

        /** The component's authMode for this target. */
        public String authMode() {
            return authMode;
        }
    }

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

    /**
     * Decides what a run connects to, from its environment. Messages name variables, never their values.
     *
     * @param  env                   the environment variables
     * @param  realRunNeeds          what a real run needs besides the connection, such as MIMECAST_GROUP_ID
     * @param  realSystems           the variables that point a run at real systems (an inbox, brokers, a state file,
     *                               a database), which the demo must not touch
     * @throws IllegalStateException when a connection variable is set but a real run lacks a setting, or when no
     *                               connection variable is set (the demo) but a variable of realSystems is
     */
    public static Target target(Map<String, String> env, List<String> realRunNeeds, List<String> realSystems) {
        List<String> connection = CONNECTION_VARIABLES.stream().filter(env::containsKey).toList();
        if (connection.isEmpty()) {
            List<String> refused = realSystems.stream().filter(env::containsKey).toList();
            if (!refused.isEmpty()) {
                throw new IllegalStateException("No Mimecast connection variable (" + String.join(", ",
                        CONNECTION_VARIABLES) + ") is set, so this run is the demo, and the demo never touches what real"
                                                + " runs use, but " + String.join(", ", refused)
                                                + (refused.size() == 1 ? " is" : " are") + " set. Unset "
                                                + (refused.size() == 1 ? "it" : "them")
                                                + " to run the demo, or set the MIMECAST_* variables for real Mimecast.");
            }
            return Target.DEMO;
        }
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean api1 = API_1_KEYS.stream().anyMatch(env::containsKey);
        boolean api2 = API_2_CLIENT.stream().anyMatch(env::containsKey);
        if (api1 && api2) {
            problems.add("API 1.0 keys (" + String.join(", ", API_1_KEYS) + ") and an API 2.0 client ("
                         + String.join(", ", API_2_CLIENT) + ") are both set: keep one of them");
        } else if (api2) {
            missing.addAll(blank(env, API_2_CLIENT));
            if (env.containsKey(REGION)) {
                problems.add(REGION + " selects API 1.0 hosts, and an API 2.0 client takes none: unset it ("
                             + BASE_URL + " names another host than the global one)");
            }
        } else if (api1) {
            missing.addAll(blank(env, API_1_KEYS));
            if (blank(env, List.of(REGION, BASE_URL)).size() == 2) {
                missing.add(REGION + " (or " + BASE_URL + ")");
            }
        } else {
            problems.add("no credentials: set " + String.join(", ", API_1_KEYS) + " and " + REGION + " (API 1.0), or "
                         + String.join(", ", API_2_CLIENT) + " (API 2.0)");
        }
        missing.addAll(blank(env, realRunNeeds));
        if (!missing.isEmpty()) {
            problems.add("missing or empty: " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(", ", connection) + (connection.size() == 1 ? " is" : " are")
                                            + " set, so this run is for real Mimecast, not the demo, and it cannot"
                                            + " start: "
                                            + String.join("; ", problems)
                                            + ". To run the demo instead, unset " + String.join(", ", connection)
                                            + ".");
        }
        return api2 ? Target.MIMECAST_API_2 : Target.MIMECAST_API_1;
    }

    private static List<String> blank(Map<String, String> env, List<String> names) {
        return names.stream().filter(name -> isBlank(env.get(name))).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Starts the emulator.
     *
     * @param settings the example's configuration by property name (resolved), for the seed
     */
    public static DemoMimecast start(Function<String, String> settings) {
        MimecastEmulator emulator = MimecastEmulator.builder().build().start();
        System.out.println("No Mimecast connection variable: the demo runs against the embedded emulator at "
                           + emulator.baseUrl());
        return new DemoMimecast(emulator, settings);
    }

    /**
     * Camel Main: real Mimecast through the profile {@value #MIMECAST_PROFILE}, or the demo, seeded once Camel has
     * read the example's properties. Close the result when main has run: it stops the emulator also when Camel
     * failed to start.
     */
    public static AutoCloseable configure(Main main, Target target, Seed seed) {
        if (target != Target.DEMO) {
            realMimecast(main, target);
            return () -> {
            };
        }
        MainDemo listener = new MainDemo(seed);
        main.addMainListener(listener);
        return listener;
    }

    /** Camel Main against real Mimecast: the profile {@value #MIMECAST_PROFILE} with the target's authMode. */
    public static void realMimecast(Main main, Target target) {
        main.configure().setProfile(MIMECAST_PROFILE);
        main.addInitialProperty(AUTH_MODE_PROPERTY, target.authMode());
    }

    /**
     * Starts and seeds the demo for a Camel Main that has loaded its properties but not yet configured the component
     * (its beforeConfigure): the emulator's connection and the seed's properties become override properties.
     */
    public static DemoMimecast startFor(BaseMainSupport main, Seed seed) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        DemoMimecast demo = start(name -> properties.resolveProperty(name).orElse(null));
        Map<String, String> provided = new LinkedHashMap<>(demo.componentProperties());
        try {
            provided.putAll(seed.seed(demo));
        } catch (Exception e) {
            demo.close();
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
        // Override properties: the demo's connection takes precedence over any in the application's properties.
        provided.forEach(main::addOverrideProperty);
        properties.setOverrideProperties(main.getOverrideProperties());
        return demo;
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
     *
     * @throws IllegalStateException when the file is not in a {@value #DEMO_STATE_FOLDER} folder: a real run could
     *                               own it
     */
    public void dropStateFile(String setting) {
        Path file = Path.of(setting(setting)).toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || folder.getFileName() == null
            || !DEMO_STATE_FOLDER.equals(folder.getFileName().toString())) {
            throw new IllegalStateException("The demo resets only its own state, in a folder named "
                                            + DEMO_STATE_FOLDER + ", but " + setting + " is " + file
                                            + ", which a real run could own");
        }
        try {
            if (Files.deleteIfExists(file)) {
                System.out.println("Fresh demo data: dropped the membership state of an earlier demo (" + file + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the state file " + file, e);
        }
    }

    /**
     * Refuses to write the demo's files into the folder that the setting names when a real run uses it (it holds
     * realRunEntry, such as the real run's state folder): the demo's files would be taken for the real run's.
     *
     * @return the folder
     */
    public Path folderOfNoRealRun(String setting, String realRunEntry) {
        Path folder = Path.of(setting(setting));
        if (Files.exists(folder.resolve(realRunEntry))) {
            throw new IllegalStateException("The demo does not write into " + folder.toAbsolutePath().normalize()
                                            + " (" + setting + "): a run against real Mimecast uses it (it holds "
                                            + realRunEntry + "). Choose another folder for the demo.");
        }
        return folder;
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
            demo = startFor(main, seed);
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
