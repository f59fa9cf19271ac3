package org.apache.camel.component.mimecast.directory.consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastTestSupport;
import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository;
import org.apache.camel.component.mimecast.directory.support.HealthChecks;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A changes consumer whose state database is down when the route starts: the route starts anyway, the consumer
 * health check is DOWN naming the state database (and never its password) while it is away, and the consumer
 * delivers by itself once it is back.
 */
class StateDatabaseHealthTest extends MimecastTestSupport {

    private static final String PASSWORD = "Sentinel-Db-Pw-77";

    @TempDir
    static Path dir;

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void databaseDown() throws Exception {
        postgres = EmbeddedPostgresServer.start(dir);
        postgres.stop();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = HealthChecks.enable(super.createCamelContext());
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setPassword(PASSWORD);
        context.getRegistry().bind("membersState", new JdbcMembershipRepository(dataSource));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?mode=changes&stateRepository=#membersState&groupId=" + group
                     + "&delay=100&initialDelay=0").routeId("watch").to("mock:changes");
            }
        };
    }

    @Test
    void downNamingTheDatabaseWhileItIsAwayThenDeliversByItself() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        assertTrue(context.getRouteController().getRouteStatus("watch").isStarted(), "started without the database");

        HealthCheck.Result down = await().atMost(30, TimeUnit.SECONDS)
                .until(this::consumerCheck, r -> r.isPresent() && r.get().getState() == HealthCheck.State.DOWN).get();
        String described = down.getMessage().orElse("") + " " + down.getError().map(Throwable::getMessage).orElse("")
                           + " " + down.getDetails();
        assertTrue(described.contains("state database") && described.contains("JdbcMembershipRepository"),
                described);
        assertFalse(described.contains(PASSWORD), described);
        assertEquals(0, emulator().requests("get-group-members").size(), "no Mimecast call without the state");

        MockEndpoint changes = getMockEndpoint("mock:changes");
        changes.expectedMessageCount(1);
        postgres.restart();
        changes.assertIsSatisfied(30_000);
        assertEquals(3, changes.getExchanges().get(0).getMessage().getBody(List.class).size());
        await().atMost(30, TimeUnit.SECONDS)
                .until(this::consumerCheck, r -> r.isPresent() && r.get().getState() == HealthCheck.State.UP);
    }

    private Optional<HealthCheck.Result> consumerCheck() {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals("consumer:watch"))
                .findFirst();
    }
}
