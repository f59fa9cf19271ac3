package org.apache.camel.example.mimecast.kafka;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example as its one command runs it: no credentials and no KAFKA_BROKERS, so emulator and embedded broker. */
class MembersToKafkaApplicationTest {

    @Test
    void runsAgainstTheEmulatorAndAnEmbeddedBrokerByDefault() throws Exception {
        // One poll in 4 seconds (the demo polls every 5): Sales (700 members, 2 pages) and Support (1 member).
        Main main = new Main();
        main.addOverrideProperty("camel.main.duration-max-seconds", "4");
        main.addOverrideProperty("camel.component.kafka.brokers", MembersToKafkaApplication.EMBEDDED);
        assertEquals(701, MembersToKafkaApplication.run(main, true));
    }
}
