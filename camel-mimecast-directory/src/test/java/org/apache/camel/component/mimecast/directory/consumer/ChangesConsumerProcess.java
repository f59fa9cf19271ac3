package org.apache.camel.component.mimecast.directory.consumer;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The separate JVM of {@link CrashRestartTest}: a changes consumer against the emulator (settings from environment
 * variables) that appends every change it receives as a JSON line to OUT (written through, per exchange), then
 * reports progress as a line in PROGRESS, then waits SLOW_MILLIS so that a kill lands mid-stream.
 */
public final class ChangesConsumerProcess {

    private ChangesConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        ObjectMapper json = new ObjectMapper();
        AtomicInteger exchanges = new AtomicInteger();
        long slow = Long.parseLong(env.get("SLOW_MILLIS"));
        OutputStream out = new FileOutputStream(env.get("OUT"), true);
        OutputStream progress = new FileOutputStream(env.get("PROGRESS"), true);

        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        MimecastDirectoryConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(env.get("BASE_URL"));
        configuration.setAccessKey(env.get("ACCESS_KEY"));
        configuration.setSecretKey(env.get("SECRET_KEY"));
        configuration.setAppId(env.get("APP_ID"));
        configuration.setAppKey(env.get("APP_KEY"));
        configuration.setRetryBackoff(10);
        context.addComponent("mimecast-directory", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?mode=changes&delay=100&initialDelay=0&pageSize="
                     + env.get("PAGE_SIZE") + "&stateFile=" + env.get("STATE_FILE") + "&groupId=" + env.get("GROUP"))
                        .process(e -> {
                            // One JSON line per change, the exchange's lines in one write.
                            String exchangeId = ProcessHandle.current().pid() + "-" + exchanges.incrementAndGet();
                            StringBuilder lines = new StringBuilder();
                            for (Object change : e.getMessage().getBody(List.class)) {
                                MemberChange c = (MemberChange) change;
                                lines.append(json.writeValueAsString(Map.of("exchange", exchangeId, "change",
                                        c.changeType().name(), "member", c.member().identity()))).append('\n');
                            }
                            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            int index = e.getProperty(Exchange.BATCH_INDEX, Integer.class);
                            int size = e.getProperty(Exchange.BATCH_SIZE, Integer.class);
                            write(progress, "exchange " + (index + 1) + "/" + size);
                            Thread.sleep(slow);
                        });
            }
        });
        context.start();
        write(progress, "started");
        new CountDownLatch(1).await();
    }

    private static void write(OutputStream progress, String line) throws Exception {
        progress.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        progress.flush();
    }
}
