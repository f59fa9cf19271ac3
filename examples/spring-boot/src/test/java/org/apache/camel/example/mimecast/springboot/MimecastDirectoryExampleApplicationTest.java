package org.apache.camel.example.mimecast.springboot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example as its command runs it (no credentials: the embedded emulator with HR churn), through its main entry
 * point and the Spring Boot log a user reads; then run again, as a user would, on the same state file.
 */
@ExtendWith(OutputCaptureExtension.class)
class MimecastDirectoryExampleApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void logsMembershipChangesAddsNewHiresAndRunsAgainWithoutFalseChanges(CapturedOutput output) throws Exception {
        // The demo's state, in a folder of its own as in application.properties
        Path state = dir.resolve(".demo-state").resolve("members.state");
        // The settings from the command line instead of the environment
        String[] env = {"--members.state-file=" + state, "--MEMBERS_DURATION_SECONDS=120"};

        try (ConfigurableApplicationContext app = MimecastDirectoryExampleApplication.application(Target.DEMO)
                .run(env)) {
            // The first poll is the baseline (the demo group's members), later polls the HR churn.
            await().atMost(PATIENCE).until(() -> output.getOut().contains("ADDED new.hire1@example.com")
                                                 && count(output.getOut(), "REMOVED user\\d{5}@example.com") > 0);
            assertTrue(output.getOut().contains("ADDED user00030@example.com"), output.getOut());

            app.getBean(CamelContext.class).createProducerTemplate().sendBody("direct:onboard",
                    "spring.hire@example.com");
            await().atMost(PATIENCE).until(() -> output.getOut().contains("ADDED spring.hire@example.com"));

            // What an operator's Prometheus scrapes from Actuator: the component's calls, quota and changes.
            String scraped = new String(app.getBean(PrometheusScrapeEndpoint.class)
                    .scrape(PrometheusOutputFormat.CONTENT_TYPE_004, null).getBody(), StandardCharsets.UTF_8);
            for (String meter : new String[] {
                    "mimecast_directory_calls_total{operation=\"get-group-members\",outcome=\"success\"}",
                    "mimecast_directory_calls_total{operation=\"add-group-member\",outcome=\"success\"}",
                    "mimecast_directory_requests_total", "mimecast_directory_rate_limited_total",
                    "mimecast_directory_call_duration_seconds_count", "mimecast_directory_changes_emitted_total",
                    "mimecast_directory_poll_duration_seconds_count", "mimecast_directory_groups_failing" }) {
                assertTrue(scraped.contains(meter), meter + " in:\n" + scraped);
            }
        }
        assertTrue(Files.exists(state), "the watcher keeps its state in " + state);

        int firstRunEnd = output.getOut().length();
        try (ConfigurableApplicationContext app = MimecastDirectoryExampleApplication.application(Target.DEMO)
                .run(env)) {
            // By the time the churn shows (a later poll), the first poll's lines are all logged.
            await().atMost(PATIENCE)
                    .until(() -> output.getOut().substring(firstRunEnd).contains("ADDED new.hire1@example.com"));
        }
        String secondRun = output.getOut().substring(firstRunEnd);
        assertTrue(secondRun.contains("ADDED user00030@example.com"), "a baseline of the fresh emulator: " + secondRun);
        assertFalse(secondRun.contains("REMOVED new.hire"), "no change carried over from the first run's state");
        assertFalse(secondRun.contains("REMOVED spring.hire"), "no change carried over from the first run's state");
    }

    @Test
    void theDemoNeverTouchesTheStateOfARealRun() throws Exception {
        String message = assertThrows(IllegalStateException.class,
                () -> MimecastDirectoryExampleApplication.target(Map.of("MEMBERS_STATE_FILE", "real.state")))
                .getMessage();
        assertTrue(message.contains("MEMBERS_STATE_FILE is set"), message);

        // Even if the setting came another way: the demo deletes no state outside its own folder.
        Path realState = Files.writeString(dir.resolve("real.state"), "real");
        Exception e = assertThrows(Exception.class, () -> MimecastDirectoryExampleApplication.application(Target.DEMO)
                .run("--members.state-file=" + realState));
        assertTrue(rootCause(e).getMessage().contains("which a real run could own"), rootCause(e).getMessage());
        assertEquals("real", Files.readString(realState));
    }

    @Test
    void realMimecastWithAnApiTwoClient(CapturedOutput output) throws Exception {
        try (MimecastEmulator real = MimecastEmulator.builder().build().start()) {
            String group = real.directory().createGroup("Real Group").id();
            real.directory().addMembers(group, 3);
            // The variables as Spring reads them, from the command line instead of the environment
            try (ConfigurableApplicationContext app = MimecastDirectoryExampleApplication
                    .application(Target.MIMECAST_API_2)
                    .run("--MIMECAST_CLIENT_ID=" + real.clientId(), "--MIMECAST_CLIENT_SECRET=" + real.clientSecret(),
                            "--MIMECAST_BASE_URL=" + real.baseUrl(), "--MIMECAST_GROUP_ID=" + group,
                            "--MEMBERS_STATE_FILE=" + dir.resolve("real.state"))) {
                await().atMost(PATIENCE).until(() -> output.getOut().contains("ADDED user00003@example.com"));
            }
            assertTrue(real.tokensIssued() > 0, "authMode=oauth2: a token was requested");
            assertTrue(Files.exists(dir.resolve("real.state")));
            assertFalse(output.getOut().contains(real.clientSecret()));
        }
    }

    @Test
    void realMimecastNeedsTheGroupToWatch() {
        SpringApplication realMimecast = MimecastDirectoryExampleApplication.application(Target.MIMECAST_API_1);
        Exception e = assertThrows(Exception.class, () -> realMimecast.run("--MIMECAST_ACCESS_KEY=ak",
                "--MIMECAST_SECRET_KEY=c2s=", "--MIMECAST_APP_ID=app", "--MIMECAST_APP_KEY=key", "--MIMECAST_REGION=US"));
        assertEquals("Could not resolve placeholder 'MIMECAST_GROUP_ID' in value \"${MIMECAST_GROUP_ID}\"",
                rootCause(e).getMessage());
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
