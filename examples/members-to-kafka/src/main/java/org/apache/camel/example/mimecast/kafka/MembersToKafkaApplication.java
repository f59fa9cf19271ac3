package org.apache.camel.example.mimecast.kafka;

import java.util.List;
import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Runs the members-to-kafka route with Camel Main; application.properties configures it ({@code KAFKA_BROKERS},
 * {@code KAFKA_TOPIC}, {@code MEMBERS_MODE}).
 * <p>
 * Without any {@code MIMECAST_*} variable it is the demo: the embedded emulator serves two groups, the application
 * publishes to a Kafka broker it starts in the JVM, prints at the end what the topic holds, and stops after 10
 * seconds. With them, the profile {@code mimecast} watches the real groups {@code MIMECAST_GROUP_ID} every five
 * minutes (see application-mimecast.properties), publishing to {@code KAFKA_BROKERS} (or a broker in the JVM).
 */
public final class MembersToKafkaApplication {

    /** The brokers setting that asks for a broker in the JVM. */
    static final String EMBEDDED = "embedded";

    /** What a real run needs besides the connection. */
    static final List<String> REAL_RUN_NEEDS = List.of("MIMECAST_GROUP_ID");
    /**
     * A real Kafka (Camel Main also reads CAMEL_COMPONENT_KAFKA_BROKERS), which would get the demo's members, and a
     * real run's state file.
     */
    static final List<String> REAL_SYSTEMS = List.of("KAFKA_BROKERS", "CAMEL_COMPONENT_KAFKA_BROKERS",
            "MEMBERS_STATE_FILE");

    private MembersToKafkaApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(new Main(), target(System.getenv()), args);
    }

    /** The demo or real Mimecast, as the environment says (DemoMimecast's rule). */
    static Target target(Map<String, String> env) {
        return DemoMimecast.target(env, REAL_RUN_NEEDS, REAL_SYSTEMS);
    }

    /**
     * Runs the example with main, which the caller may give properties first (the test's entry point).
     *
     * @return how many records the embedded broker's topic holds at the end, or -1 with an external broker
     */
    static int run(Main main, Target target, String... args) throws Exception {
        main.configure().addRoutesBuilder(MembersToKafkaRoutes.class);
        BrokerInTheJvm broker = new BrokerInTheJvm();
        main.addMainListener(broker);
        try (broker; AutoCloseable mimecast = DemoMimecast.configure(main, target, MembersToKafkaApplication::seedDemo)) {
            main.run(args);
            return broker.recordsOnTheTopic();
        }
    }

    private static Map<String, String> seedDemo(DemoMimecast demo) {
        String sales = demo.directory().createGroup("Sales").id();
        String support = demo.directory().createGroup("Support").id();
        demo.directory().addMembers(sales, 700);
        demo.directory().addMember(support, "helpdesk@example.com", null);
        demo.dropStateFile("members.state-file");
        return Map.of("demo.group-ids", sales + "," + support);
    }

    /** Starts an embedded broker when camel.component.kafka.brokers says {@value #EMBEDDED}, before Camel uses it. */
    private static final class BrokerInTheJvm extends MainListenerSupport implements AutoCloseable {

        private EmbeddedKafka kafka;
        private String topic;

        @Override
        public void beforeConfigure(BaseMainSupport main) {
            PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
            if (!EMBEDDED.equals(properties.resolveProperty("camel.component.kafka.brokers").orElse(null))) {
                return;
            }
            try {
                kafka = EmbeddedKafka.start();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the embedded Kafka broker", e);
            }
            System.out.println("No KAFKA_BROKERS: using an embedded Kafka broker at " + kafka.bootstrapServers());
            main.addOverrideProperty("camel.component.kafka.brokers", kafka.bootstrapServers());
            properties.setOverrideProperties(main.getOverrideProperties());
            topic = properties.resolveProperty("members.topic").orElseThrow();
        }

        int recordsOnTheTopic() {
            if (kafka == null) {
                return -1;
            }
            int records = TopicReader.readAll(kafka.bootstrapServers(), topic).size();
            System.out.println("The topic " + topic + " holds " + records + " records");
            return records;
        }

        @Override
        public void close() throws Exception {
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
