package org.apache.camel.example.mimecast.springboot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A Spring Boot application with {@code camel-mimecast-directory-starter}: it watches a group and logs who joined
 * and who left, and adds the members sent to {@code direct:onboard} (see {@link MembershipRoutes}).
 * <p>
 * Without any {@code MIMECAST_*} variable in the environment it is the demo: the embedded emulator with a group whose
 * membership changes every two seconds, for 12 seconds. With them, the profile {@code mimecast} watches the real
 * group {@code MIMECAST_GROUP_ID} every five minutes until stopped (see application-mimecast.properties). Either way
 * the connection reaches the component as {@code camel.component.mimecast-directory.*} properties: the starter's job.
 */
@SpringBootApplication
public class MimecastDirectoryExampleApplication {

    /** What a real run needs besides the connection. */
    static final List<String> REAL_RUN_NEEDS = List.of("MIMECAST_GROUP_ID");
    /** Spring reads MEMBERS_STATE_FILE for members.state-file: the demo would use a real run's state. */
    static final List<String> REAL_SYSTEMS = List.of("MEMBERS_STATE_FILE");

    public static void main(String[] args) {
        application(target(System.getenv())).run(args);
    }

    /** The demo or real Mimecast, as the environment says (DemoMimecast's rule). */
    static Target target(Map<String, String> env) {
        return DemoMimecast.target(env, REAL_RUN_NEEDS, REAL_SYSTEMS);
    }

    /** The demo, or real Mimecast through the profile mimecast (the test's entry point). */
    static SpringApplication application(Target target) {
        SpringApplication application = new SpringApplication(MimecastDirectoryExampleApplication.class);
        if (target == Target.DEMO) {
            application.addListeners(new Demo());
        } else {
            application.setAdditionalProfiles(DemoMimecast.MIMECAST_PROFILE);
            application.setDefaultProperties(Map.of(DemoMimecast.AUTH_MODE_PROPERTY, target.authMode()));
        }
        return application;
    }

    /**
     * The demo's lifecycle: the emulator and its demo group before Spring binds the properties, the HR churn once
     * the application runs, the emulator stopped with the application.
     */
    private static final class Demo implements ApplicationListener<ApplicationEvent> {

        private DemoMimecast demo;
        private String group;

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                ConfigurableEnvironment environment = prepared.getEnvironment();
                demo = DemoMimecast.start(environment::getProperty);
                group = demo.directory().createGroup("Demo Group").id();
                demo.directory().addMembers(group, 30);
                demo.dropStateFile("members.state-file");
                Map<String, Object> properties = new HashMap<>(demo.componentProperties());
                properties.put("demo.group-id", group);
                environment.getPropertySources().addFirst(new MapPropertySource("demo", properties));
            } else if (event instanceof ApplicationReadyEvent ready) {
                // Every two seconds one person joins the demo group and one leaves.
                demo.simulateHrChanges(group, 3, 2);
                closeWhenCamelStops(ready.getApplicationContext().getBean(CamelContext.class));
            } else if ((event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) && demo != null) {
                demo.close();
            }
        }

        /**
         * After MEMBERS_DURATION_SECONDS Camel stops and lets the JVM exit, which the embedded emulator's threads
         * would keep alive: close it with Camel.
         */
        private void closeWhenCamelStops(CamelContext camel) {
            EventNotifier notifier = new SimpleEventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.CamelContextStoppedEvent) {
                        demo.close();
                    }
                }
            };
            camel.getManagementStrategy().addEventNotifier(notifier);
            ServiceHelper.startService(notifier);
        }
    }
}
