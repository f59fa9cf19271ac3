package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's threads belong to Camel: a Camel Main application that made calls (with deadlines, OAuth-free HMAC
 * calls and parallel batches) stops with no thread of the component left, so that its JVM (and exec:java) ends at
 * once instead of waiting for a static timer.
 */
class CamelMainStopTest {

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    private static List<String> componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("MimecastDirectory") || name.contains("mimecast-directory")).toList();
    }

    @Test
    void aCamelMainAppStopsWithNoThreadOfTheComponentLeft() throws Exception {
        String group = mimecast.emulator().directory().createGroup("Staff").id();
        java.util.Set<String> whileRunning = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Main main = new Main();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        MimecastTestSupport.configure(component.getConfiguration(), mimecast.emulator());
        main.bind("mimecast-directory", component);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:once?repeatCount=1")
                        .setBody(constant(List.of("a@example.com", "b@example.com", "c@example.com")))
                        .to("mimecast-directory:add-group-member?batchSize=1&groupId=" + group)
                        .process(exchange -> whileRunning.addAll(componentThreads()));
            }
        });
        main.configure().withDurationMaxMessages(1);
        Thread running = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "camel-main-under-test");
        running.start();
        running.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(!running.isAlive(), "Camel Main ended");
        assertEquals(3, mimecast.emulator().directory().memberEmails(group).size(), "the route ran");
        assertTrue(whileRunning.stream().anyMatch(name -> name.contains("MimecastDirectoryDeadlines")),
                "the component's threads, named by Camel, while it ran: " + whileRunning);
        // Camel's pools end their threads as it stops; none of the component may outlive it.
        try {
            await().atMost(2, TimeUnit.SECONDS).until(() -> componentThreads().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("threads left: " + componentThreads(), e);
        }
    }
}
