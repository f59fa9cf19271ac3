package org.apache.camel.example.mimecast;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.main.Main;

/**
 * Runs the members-to-file routes with Camel Main.
 * <p>
 * With no {@code MIMECAST_ACCESS_KEY} in the environment it starts the embedded emulator with a demo group whose
 * membership changes every two seconds, runs for {@code MEMBERS_DURATION_SECONDS} (default 12) and stops. With
 * {@code MIMECAST_ACCESS_KEY}, {@code MIMECAST_SECRET_KEY}, {@code MIMECAST_APP_ID}, {@code MIMECAST_APP_KEY},
 * {@code MIMECAST_REGION} (or {@code MIMECAST_BASE_URL}) and {@code MIMECAST_GROUP_ID} it watches that real group
 * every five minutes until stopped.
 */
public final class MembersToFileApplication {

    private MembersToFileApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String output = env.getOrDefault("MEMBERS_OUTPUT", "target/members-output");
        boolean real = env.get("MIMECAST_ACCESS_KEY") != null;

        Main main = new Main();
        MimecastEmulator emulator = null;
        ScheduledExecutorService churn = null;
        String groupId;
        long delay;
        int duration;
        if (real) {
            for (String[] option : new String[][] {
                    { "accessKey", "MIMECAST_ACCESS_KEY" }, { "secretKey", "MIMECAST_SECRET_KEY" },
                    { "appId", "MIMECAST_APP_ID" }, { "appKey", "MIMECAST_APP_KEY" },
                    { "region", "MIMECAST_REGION" }, { "baseUrl", "MIMECAST_BASE_URL" } }) {
                if (env.get(option[1]) != null) {
                    main.addInitialProperty("camel.component.mimecast-directory." + option[0], env.get(option[1]));
                }
            }
            groupId = require(env, "MIMECAST_GROUP_ID");
            delay = 5 * 60 * 1000L;
            duration = Integer.parseInt(env.getOrDefault("MEMBERS_DURATION_SECONDS", "0"));
        } else {
            emulator = MimecastEmulator.builder().build().start();
            groupId = emulator.directory().createGroup("Demo Group").id();
            emulator.directory().addMembers(groupId, 30);
            emulator.componentOptions().forEach(
                    (name, value) -> main.addInitialProperty("camel.component.mimecast-directory." + name, value));
            churn = simulateHrChanges(emulator, groupId);
            delay = 2000;
            duration = Integer.parseInt(env.getOrDefault("MEMBERS_DURATION_SECONDS", "12"));
            System.out.println("No MIMECAST_ACCESS_KEY: using the embedded emulator at " + emulator.baseUrl());
        }
        main.configure().addRoutesBuilder(
                new MembersToFileRoutes(groupId, output, output + "/.state/members.state", delay));
        if (duration > 0) {
            main.configure().withDurationMaxSeconds(duration);
        }
        try {
            main.run();
        } finally {
            if (churn != null) {
                churn.shutdownNow();
            }
            if (emulator != null) {
                emulator.close();
            }
        }
        System.out.println("Output in " + java.nio.file.Path.of(output).toAbsolutePath());
    }

    /** Every two seconds one person joins the demo group and one leaves, as an HR feed would. */
    private static ScheduledExecutorService simulateHrChanges(MimecastEmulator emulator, String groupId) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger hires = new AtomicInteger();
        executor.scheduleAtFixedRate(() -> {
            int n = hires.incrementAndGet();
            emulator.directory().addMember(groupId, "new.hire" + n + "@example.com", null);
            emulator.directory().removeMember(groupId, String.format("user%05d@example.com", n));
        }, 3, 2, TimeUnit.SECONDS);
        return executor;
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set " + name + " to run against real Mimecast");
        }
        return value;
    }
}
