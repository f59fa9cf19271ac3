package org.apache.camel.example.mimecast.springboot;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.example.mimecast.support.MimecastConnection;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A Spring Boot application with {@code camel-mimecast-directory-starter}: it watches a group and logs who joined
 * and who left, and adds the members sent to {@code direct:onboard} (see {@link MembershipRoutes}).
 * <p>
 * With no {@code MIMECAST_ACCESS_KEY} in the environment it starts the embedded emulator with a demo group whose
 * membership changes every two seconds, and stops after {@code MEMBERS_DURATION_SECONDS} (default 12). With
 * {@code MIMECAST_ACCESS_KEY}, {@code MIMECAST_SECRET_KEY}, {@code MIMECAST_APP_ID}, {@code MIMECAST_APP_KEY},
 * {@code MIMECAST_REGION} (or {@code MIMECAST_BASE_URL}) and {@code MIMECAST_GROUP_ID} it watches that real group
 * every five minutes until stopped. Either way the connection reaches the component as
 * {@code camel.component.mimecast-directory.*} properties: the starter's job.
 */
@SpringBootApplication
public class MimecastDirectoryExampleApplication {

    private static final String COMPONENT = "camel.component.mimecast-directory.";

    public static void main(String[] args) {
        run(System.getenv(), args);
    }

    /** Starts the application with these environment variables (the test's entry point); close it to stop. */
    static ConfigurableApplicationContext run(Map<String, String> env, String... args) {
        MimecastConnection mimecast = MimecastConnection.fromEnvironment(env);
        String groupId = mimecast.groupIds(emulator -> {
            String demo = emulator.directory().createGroup("Demo Group").id();
            emulator.directory().addMembers(demo, 30);
            return demo;
        });
        Map<String, Object> defaults = new HashMap<>();
        mimecast.componentOptions().forEach((name, value) -> defaults.put(
                COMPONENT + StringHelper.camelCaseToDash(name), value));
        defaults.put("members.group-id", groupId);
        defaults.put("members.poll-delay", mimecast.pollDelayMillis(2000));
        String duration = env.get("MEMBERS_DURATION_SECONDS");
        int seconds = duration != null ? Integer.parseInt(duration) : mimecast.isEmulated() ? 12 : 0;
        if (seconds > 0) {
            defaults.put("camel.main.duration-max-seconds", seconds);
        }
        defaults.put("members.state-file", env.getOrDefault("MEMBERS_STATE_FILE", "target/spring-boot-members.state"));

        SpringApplication application = new SpringApplication(MimecastDirectoryExampleApplication.class);
        // Default properties: application.properties, system properties and the environment still win.
        application.setDefaultProperties(toProperties(defaults));
        application.addListeners((ApplicationListener<ContextClosedEvent>) event -> mimecast.close());
        if (mimecast.isEmulated()) {
            // Once the application runs, every two seconds one person joins the demo group and one leaves.
            application.addListeners((ApplicationListener<ApplicationReadyEvent>) event -> mimecast.simulateHrChanges(
                    groupId, 3, 2));
        }
        application.addInitializers(context -> {
            String state = context.getEnvironment().getRequiredProperty("members.state-file");
            // The embedded emulator's data is new each run: its state from an earlier run goes with it.
            mimecast.stateFile(state);
        });
        ConfigurableApplicationContext context = application.run(args);
        closeWhenCamelStops(context.getBean(CamelContext.class), mimecast);
        return context;
    }

    /**
     * After MEMBERS_DURATION_SECONDS Camel stops and lets the JVM exit, which the embedded emulator's threads would
     * keep alive: close it with Camel.
     */
    private static void closeWhenCamelStops(CamelContext camel, MimecastConnection mimecast) {
        EventNotifier notifier = new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppedEvent) {
                    mimecast.close();
                }
            }
        };
        camel.getManagementStrategy().addEventNotifier(notifier);
        ServiceHelper.startService(notifier);
    }

    private static Properties toProperties(Map<String, Object> values) {
        Properties properties = new Properties();
        values.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        return properties;
    }
}
