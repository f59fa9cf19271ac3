package org.apache.camel.example.mimecast.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example as its one command runs it: no credentials and no KAFKA_BROKERS, so emulator and embedded broker. */
class MembersToKafkaApplicationTest {

    @Test
    void runsAgainstTheEmulatorAndAnEmbeddedBrokerByDefault() throws Exception {
        // One poll in 4 seconds (the demo polls every 5): Sales (700 members, 2 pages) and Support (1 member).
        assertEquals(701, MembersToKafkaApplication.run(Map.of("MEMBERS_DURATION_SECONDS", "4")));
    }
}
