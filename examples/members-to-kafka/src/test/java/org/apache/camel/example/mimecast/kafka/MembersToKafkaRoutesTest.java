package org.apache.camel.example.mimecast.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the route against the emulator and a real in-JVM Kafka broker, and reads the topic back. */
class MembersToKafkaRoutesTest {

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    private static EmbeddedKafka kafka;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void snapshotPublishesEveryMemberOnceKeyedByGroupAndEmail() throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        String sales = directory.createGroup("Sales").id();
        String support = directory.createGroup("Support").id();
        directory.addMembers(sales, 1234);
        directory.addMember(support, "helpdesk@example.com", null);

        // One poll only (the next is an hour away), so every record comes from the first snapshot.
        try (CamelContext context = startRoutes(sales + "," + support, "snapshot", "snapshot-members", 3_600_000)) {
            List<ConsumerRecord<String, String>> records = awaitRecords("snapshot-members", n -> n >= 1235);
            assertEquals(1235, records.size(), "3 pages of Sales (500, 500, 234) and 1 of Support");

            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode member = json.readTree(record.value());
                String group = record.key().substring(0, record.key().indexOf('/'));
                assertEquals(group + "/" + member.get("emailAddress").asText(), record.key());
                byKey.put(record.key(), member);
            }
            assertEquals(1235, byKey.size(), "no key published twice");
            assertEquals(1234, byKey.keySet().stream().filter(k -> k.startsWith(sales + "/")).count());
            assertEquals("helpdesk", byKey.get(support + "/helpdesk@example.com").get("name").asText());
            assertTrue(byKey.containsKey(sales + "/user01234@example.com"));
            // Records of one partition keep the consumer's page order.
            assertEquals(sales + "/user00001@example.com", records.stream()
                    .filter(r -> r.key().startsWith(sales)).findFirst().orElseThrow().key());
        }
        assertEquals(4, mimecast.emulator().requests().stream()
                .filter(r -> r.path().endsWith("/get-group-members")).count(), "3 pages + 1 page, one poll");
    }

    @Test
    void changesPublishJoinersAsMembersAndLeaversAsTombstones() throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        String staff = directory.createGroup("Staff").id();
        directory.addMembers(staff, 20);

        try (CamelContext context = startRoutes(staff, "changes", "member-changes", 200)) {
            assertEquals(20, awaitRecords("member-changes", n -> n >= 20).size(), "first poll: everyone joined");

            directory.addMember(staff, "new.hire@example.com", null);
            directory.removeMember(staff, "user00007@example.com");
            awaitRecords("member-changes", n -> n >= 22);
            // A few more polls: nothing changed, so nothing more may be published.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> TopicReader.readAll(kafka.bootstrapServers(), "member-changes").size() == 22);
            List<ConsumerRecord<String, String>> records = awaitRecords("member-changes", n -> true);
            assertEquals(22, records.size());

            // The second poll's changes, in the consumer's order (joiners, then leavers) on the one partition.
            ConsumerRecord<String, String> joined = records.get(20);
            assertEquals(staff + "/new.hire@example.com", joined.key());
            assertEquals("new.hire@example.com", json.readTree(joined.value()).get("emailAddress").asText());
            ConsumerRecord<String, String> left = records.get(21);
            assertEquals(staff + "/user00007@example.com", left.key());
            assertNull(left.value(), "a leaver is a tombstone");

            // What a compacted topic converges to: the group's current membership.
            Map<String, String> compacted = new HashMap<>();
            records.forEach(r -> {
                if (r.value() == null) {
                    compacted.remove(r.key());
                } else {
                    compacted.put(r.key(), r.value());
                }
            });
            Set<String> current = directory.members(staff).stream()
                    .map(m -> staff + "/" + m.emailAddress()).collect(Collectors.toSet());
            assertEquals(current, compacted.keySet());
        }
    }

    private CamelContext startRoutes(String groupIds, String mode, String topic, long delay) throws Exception {
        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        context.addComponent("mimecast-directory", component);
        PropertyBindingSupport.bindProperties(context, component.getConfiguration(),
                new HashMap<String, Object>(mimecast.emulator().componentOptions()));
        KafkaComponent kafkaComponent = new KafkaComponent();
        kafkaComponent.getConfiguration().setBrokers(kafka.bootstrapServers());
        context.addComponent("kafka", kafkaComponent);
        Properties settings = new Properties();
        settings.setProperty("members.group-ids", groupIds);
        settings.setProperty("members.mode", mode);
        settings.setProperty("members.topic", topic);
        settings.setProperty("members.poll-delay", String.valueOf(delay));
        // No members.state-file: the state is in memory
        context.getPropertiesComponent().setOverrideProperties(settings);
        context.addRoutes(new MembersToKafkaRoutes());
        context.start();
        return context;
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<Integer> enough) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .alias("records in " + topic)
                .until(() -> TopicReader.readAll(kafka.bootstrapServers(), topic), records -> enough.test(records.size()));
    }
}
