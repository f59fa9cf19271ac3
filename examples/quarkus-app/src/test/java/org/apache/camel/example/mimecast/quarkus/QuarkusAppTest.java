package org.apache.camel.example.mimecast.quarkus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app as shipped (embedded emulator, YAML routes, REST resource) in JVM mode. */
@QuarkusTest
class QuarkusAppTest {

    private static final Logger CHANGES_LOG = Logger.getLogger("mimecast.member-changes");

    @Inject
    MimecastDirectorySetup setup;

    @Inject
    CamelContext camel;

    @ConfigProperty(name = "mimecast.state-file")
    String realRunsStateFile;

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureChangeLog() {
        CHANGES_LOG.addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        CHANGES_LOG.removeHandler(capture);
        setup.emulator().faults().clear();
    }

    @Test
    void memberChangesAreLoggedOneLinePerChange() {
        InMemoryDirectory directory = setup.emulator().directory();
        String staff = directory.groups().stream().filter(g -> g.description().equals("Staff")).findFirst()
                .orElseThrow().id();
        // The first poll has read both groups: everything from here on is a change.
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> setup.emulator().requests("get-group-members").size() >= 2);
        directory.addMember(staff, "quarkus.hire@example.com", null);
        directory.removeMember(staff, "user00003@example.com");

        String added = "ADDED quarkus.hire@example.com (group Staff)";
        await().atMost(10, TimeUnit.SECONDS).until(() -> logLines.contains(added) && logLines.size() > logLines.indexOf(added) + 1);
        int first = logLines.indexOf(added);
        assertEquals(List.of(added, "REMOVED user00003@example.com (group Staff)"), logLines.subList(first, first + 2));
        await().during(1, TimeUnit.SECONDS).atMost(2, TimeUnit.SECONDS)
                .until(() -> logLines.size() == first + 2); // later polls: nothing more changed
    }

    @Test
    void statusShowsTheDirectoryConnectionAsMimecastReportsIt() {
        given().get("/directory/status").then().statusCode(200)
                .body("connection", equalTo("Emulated Active Directory"))
                .body("status", equalTo("ok"))
                .body("syncRunning", equalTo(false))
                .body("healthy", equalTo(true));

        given().post("/directory/sync").then().statusCode(200).body("syncStatus", equalTo("started"));
        given().get("/directory/status").then().statusCode(200).body("syncRunning", equalTo(true));

        setup.emulator().directory().setConnection(
                new InMemoryDirectory.ConnectionState("error", "2026-11-24T06:00:00+0000", false));
        given().get("/directory/status").then().statusCode(200)
                .body("status", equalTo("error"))
                .body("lastSync", equalTo("2026-11-24T06:00:00+0000"))
                .body("healthy", equalTo(false));
    }

    @Test
    void aFailingMimecastCallIsABadGatewayWithTheComponentsMessage() {
        setup.emulator().faults().status(1, 403).onlyFor("get-connection");
        given().get("/directory/status").then().statusCode(502)
                .body("error", containsString("403"));
    }

    @Test
    void theDemoKeepsItsStateApartFromARealRunsAndRefusesMimecastStateFile() {
        String uri = camel.getRoute("member-changes-to-log").getEndpoint().getEndpointUri();
        assertTrue(uri.contains(".demo-state"), uri);
        assertEquals("target/member-changes.state", realRunsStateFile, "a real run's, which the demo does not use");

        String message = assertThrows(IllegalStateException.class,
                () -> MimecastDirectorySetup.target(Map.of("MIMECAST_STATE_FILE", "real.state"))).getMessage();
        assertTrue(message.contains("MIMECAST_STATE_FILE is set"), message);
    }
}
