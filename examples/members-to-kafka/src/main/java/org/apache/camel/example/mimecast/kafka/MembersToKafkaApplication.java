package org.apache.camel.example.mimecast.kafka;

import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Runs the members-to-kafka route with Camel Main; application.properties configures it ({@code KAFKA_BROKERS},
 * {@code KAFKA_TOPIC}, {@code MEMBERS_MODE}).
 * <p>
 * Without {@code MIMECAST_ACCESS_KEY} it is the demo: the embedded emulator serves two groups, and the application
 * stops after 10 seconds. With it, the profile {@code mimecast} watches the real groups {@code MIMECAST_GROUP_ID}
 * every five minutes (see application-mimecast.properties). Without {@code KAFKA_BROKERS} it starts a Kafka broker in
 * the JVM and prints, at the end, what the topic holds.
 */
public final class MembersToKafkaApplication {

    /** The brokers setting that asks for a broker in the JVM. */
    static final String EMBEDDED = "embedded";

    private MembersToKafkaApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(new Main(), DemoMimecast.wanted(), args);
    }

    /**
     * Runs the example with main, which the caller may give properties first (the test's entry point).
     *
     * @return how many records the embedded broker's topic holds at the end, or -1 with an external broker
     */
    static int run(Main main, boolean demo, String... args) throws Exception {
        main.configure().addRoutesBuilder(MembersToKafkaRoutes.class);
        BrokerInTheJvm broker = new BrokerInTheJvm();
        main.addMainListener(broker);
        try (broker; AutoCloseable mimecast = DemoMimecast.configure(main, demo, MembersToKafkaApplication::seedDemo)) {
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
