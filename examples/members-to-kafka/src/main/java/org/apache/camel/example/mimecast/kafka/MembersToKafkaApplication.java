package org.apache.camel.example.mimecast.kafka;

import java.util.Map;

import org.apache.camel.example.mimecast.support.MimecastConnection;
import org.apache.camel.main.Main;

/**
 * Runs the members-to-kafka route with Camel Main.
 * <p>
 * Kafka: {@code KAFKA_BROKERS} (for example {@code localhost:9092}), else an embedded single-node broker. Topic:
 * {@code KAFKA_TOPIC} (default {@code mimecast-members}). Mode: {@code MEMBERS_MODE} {@code snapshot} (default) or
 * {@code changes}.
 * <p>
 * Mimecast: without {@code MIMECAST_ACCESS_KEY} the embedded emulator serves two demo groups and the app stops after
 * {@code MEMBERS_DURATION_SECONDS} (default 10), printing what the topic holds. With Mimecast credentials (see
 * {@link MimecastConnection}) it watches the comma-separated {@code MIMECAST_GROUP_ID} every five minutes.
 */
public final class MembersToKafkaApplication {

    private MembersToKafkaApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv());
    }

    /**
     * Runs the example with these environment variables (the test's entry point).
     *
     * @return how many records the embedded broker's topic holds at the end, or -1 with an external broker
     */
    static int run(Map<String, String> env) throws Exception {
        String topic = env.getOrDefault("KAFKA_TOPIC", "mimecast-members");
        String mode = env.getOrDefault("MEMBERS_MODE", "snapshot");

        Main main = new Main();
        EmbeddedKafka embeddedKafka = null;
        try (MimecastConnection mimecast = MimecastConnection.fromEnvironment(env)) {
            String brokers = env.get("KAFKA_BROKERS");
            if (brokers == null) {
                embeddedKafka = EmbeddedKafka.start();
                brokers = embeddedKafka.bootstrapServers();
                System.out.println("No KAFKA_BROKERS: using an embedded Kafka broker at " + brokers);
            }
            main.addInitialProperty("camel.component.kafka.brokers", brokers);
            mimecast.configure(main, "MEMBERS_DURATION_SECONDS", 10);
            String groupIds = mimecast.groupIds(emulator -> {
                String sales = emulator.directory().createGroup("Sales").id();
                String support = emulator.directory().createGroup("Support").id();
                emulator.directory().addMembers(sales, 700);
                emulator.directory().addMember(support, "helpdesk@example.com", null);
                return sales + "," + support;
            });
            String stateFile = "changes".equals(mode)
                    ? mimecast.stateFile(env.getOrDefault("MEMBERS_STATE_FILE", "target/kafka-members.state")) : null;
            main.configure().addRoutesBuilder(
                    new MembersToKafkaRoutes(groupIds, mode, topic, mimecast.pollDelayMillis(5000), stateFile));
            main.run();
            if (embeddedKafka == null) {
                return -1;
            }
            int records = TopicReader.readAll(brokers, topic).size();
            System.out.println("The topic " + topic + " holds " + records + " records");
            return records;
        } finally {
            if (embeddedKafka != null) {
                embeddedKafka.close();
            }
        }
    }
}
