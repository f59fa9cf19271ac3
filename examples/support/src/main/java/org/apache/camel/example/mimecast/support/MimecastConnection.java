package org.apache.camel.example.mimecast.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.main.Main;

/**
 * Where an example's routes talk to: real Mimecast when {@code MIMECAST_ACCESS_KEY} is set, else an embedded
 * emulator that the example seeds with demo data.
 * <p>
 * Real Mimecast reads {@code MIMECAST_ACCESS_KEY}, {@code MIMECAST_SECRET_KEY}, {@code MIMECAST_APP_ID},
 * {@code MIMECAST_APP_KEY} and {@code MIMECAST_REGION} (or {@code MIMECAST_BASE_URL}). The values go to Camel Main as
 * {@code camel.component.mimecast-directory.*} properties, so they are never part of an endpoint URI.
 */
public final class MimecastConnection implements AutoCloseable {

    private static final String PREFIX = "camel.component.mimecast-directory.";
    private static final Map<String, String> OPTION_BY_VARIABLE = Map.of(
            "MIMECAST_ACCESS_KEY", "accessKey", "MIMECAST_SECRET_KEY", "secretKey",
            "MIMECAST_APP_ID", "appId", "MIMECAST_APP_KEY", "appKey",
            "MIMECAST_REGION", "region", "MIMECAST_BASE_URL", "baseUrl");

    private static final long REAL_POLL_DELAY_MILLIS = 5 * 60 * 1000L;

    private final Function<String, String> settings;
    private final MimecastEmulator emulator;
    private ScheduledExecutorService hrChanges;

    private MimecastConnection(Function<String, String> settings, MimecastEmulator emulator) {
        this.settings = settings;
        this.emulator = emulator;
    }

    /** Real Mimecast if the environment names an access key, else a freshly started emulator. */
    public static MimecastConnection fromEnvironment(Map<String, String> environment) {
        return from(environment::get);
    }

    /**
     * Like {@link #fromEnvironment(Map)}, with the {@code MIMECAST_*} settings looked up by name elsewhere, such as
     * in Quarkus configuration.
     */
    public static MimecastConnection from(Function<String, String> settings) {
        if (settings.apply("MIMECAST_ACCESS_KEY") != null) {
            return new MimecastConnection(settings, null);
        }
        MimecastEmulator emulator = MimecastEmulator.builder().build().start();
        System.out.println("No MIMECAST_ACCESS_KEY: using the embedded emulator at " + emulator.baseUrl());
        return new MimecastConnection(settings, emulator);
    }

    public boolean isEmulated() {
        return emulator != null;
    }

    /** The embedded emulator, for seeding demo data. */
    public MimecastEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("Running against real Mimecast: there is no emulator");
        }
        return emulator;
    }

    /**
     * Demo data that changes as an HR feed would: every {@code periodSeconds} (first after {@code firstSeconds}) the
     * n-th new hire joins the group and {@code user0000n} leaves it. Stops when this connection is closed.
     */
    public void simulateHrChanges(String groupId, long firstSeconds, long periodSeconds) {
        InMemoryDirectory directory = emulator().directory();
        AtomicInteger hires = new AtomicInteger();
        hrChanges = Executors.newSingleThreadScheduledExecutor();
        hrChanges.scheduleAtFixedRate(() -> {
            int n = hires.incrementAndGet();
            directory.addMember(groupId, "new.hire" + n + "@example.com", null);
            directory.removeMember(groupId, String.format("user%05d@example.com", n));
        }, firstSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** A required setting of the real-Mimecast mode, such as the group to watch. */
    public String require(String variable) {
        String value = settings.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set " + variable + " to run against real Mimecast");
        }
        return value;
    }

    /**
     * Gives the component its connection options through Camel Main's properties, and bounds the run: a demo stops
     * by itself after {@code demoSeconds}, a real run goes on until stopped; {@code durationVariable} overrides both.
     */
    public void configure(Main main, String durationVariable, int demoSeconds) {
        componentOptions().forEach((name, value) -> main.addInitialProperty(PREFIX + name, value));
        String duration = settings.apply(durationVariable);
        int seconds = duration != null ? Integer.parseInt(duration) : isEmulated() ? demoSeconds : 0;
        if (seconds > 0) {
            main.configure().withDurationMaxSeconds(seconds);
        }
    }

    /**
     * The groups to watch: the comma-separated {@code MIMECAST_GROUP_ID} against real Mimecast, else the demo groups
     * that {@code seedDemoGroups} creates in the emulator.
     */
    public String groupIds(Function<MimecastEmulator, String> seedDemoGroups) {
        return isEmulated() ? seedDemoGroups.apply(emulator) : require("MIMECAST_GROUP_ID");
    }

    /**
     * The state file of a {@code mode=changes} consumer, ready for this run. The embedded emulator starts with fresh
     * demo data every run, so state kept from an earlier run would describe a directory that no longer exists and
     * the first poll would report false changes (new hires "removed", leavers "added"): against the emulator the
     * state file is deleted with it, and the first poll is a clean baseline. Against real Mimecast the state is kept,
     * so a restart neither repeats nor loses a change.
     */
    public String stateFile(String path) {
        if (isEmulated()) {
            try {
                if (Files.deleteIfExists(Path.of(path))) {
                    System.out.println("Fresh emulator data: dropped the membership state of an earlier run (" + path
                                       + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot reset the state file " + path, e);
            }
        }
        return path;
    }

    /** How often to poll: {@code demoMillis} against the emulator, the component's 5 minutes against Mimecast. */
    public long pollDelayMillis(long demoMillis) {
        return isEmulated() ? demoMillis : REAL_POLL_DELAY_MILLIS;
    }

    /** The component's connection options (baseUrl or region, and the credentials), by option name. */
    public Map<String, String> componentOptions() {
        if (emulator != null) {
            return emulator.componentOptions();
        }
        Map<String, String> options = new HashMap<>();
        OPTION_BY_VARIABLE.forEach((variable, option) -> {
            String value = settings.apply(variable);
            if (value != null && !value.isBlank()) {
                options.put(option, value);
            }
        });
        return options;
    }

    @Override
    public void close() {
        if (hrChanges != null) {
            hrChanges.shutdownNow();
        }
        if (emulator != null) {
            emulator.close();
        }
    }
}
