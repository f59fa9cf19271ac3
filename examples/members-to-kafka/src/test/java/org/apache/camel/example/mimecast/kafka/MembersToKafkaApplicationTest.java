package org.apache.camel.example.mimecast.kafka;

import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example as its one command runs it: no MIMECAST_* variable, so the demo: emulator and embedded broker. */
class MembersToKafkaApplicationTest {

    @Test
    void runsAgainstTheEmulatorAndAnEmbeddedBrokerByDefault() throws Exception {
        // One poll in 4 seconds (the demo polls every 5): Sales (700 members, 2 pages) and Support (1 member).
        Main main = new Main();
        main.addOverrideProperty("camel.main.duration-max-seconds", "4");
        main.addOverrideProperty("camel.component.kafka.brokers", MembersToKafkaApplication.EMBEDDED);
        assertEquals(701, MembersToKafkaApplication.run(main, Target.DEMO));
    }

    @Test
    void theDemoNeverPublishesToARealKafkaNorUsesARealRunsState() {
        for (String variable : new String[] {"KAFKA_BROKERS", "CAMEL_COMPONENT_KAFKA_BROKERS", "MEMBERS_STATE_FILE"}) {
            String message = assertThrows(IllegalStateException.class,
                    () -> MembersToKafkaApplication.target(Map.of(variable, "x"))).getMessage();
            assertTrue(message.contains(variable + " is set"), message);
        }
        assertEquals(Target.DEMO,
                MembersToKafkaApplication.target(Map.of("KAFKA_TOPIC", "t", "MEMBERS_MODE", "changes")));
    }
}
