package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Mimecast counts calls per API user, whatever the application: two CamelContexts of one JVM that call with the same
 * user share its quota, and together stay inside it.
 */
class SharedQuotaTest {

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    private static CamelContext contextOnTheEmulator() throws Exception {
        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        MimecastTestSupport.configure(component.getConfiguration(), mimecast.emulator());
        context.addComponent("mimecast-directory", component);
        context.start();
        return context;
    }

    private static List<String> people(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    @Test
    void twoCamelContextsOfOneApiUserDrawNo429() throws Exception {
        // 12 calls a second for the user; 300 adds from two contexts at once need 30 calls: three windows.
        mimecast.emulator().rateLimit(12, 1000);
        String group = mimecast.emulator().directory().createGroup("Staff").id();
        try (CamelContext first = contextOnTheEmulator(); CamelContext second = contextOnTheEmulator();
             ProducerTemplate one = first.createProducerTemplate();
             ProducerTemplate two = second.createProducerTemplate()) {
            CompletableFuture<Object> a = CompletableFuture.supplyAsync(
                    () -> one.requestBody("mimecast-directory:add-group-member?groupId=" + group, people("a", 150)));
            CompletableFuture<Object> b = CompletableFuture.supplyAsync(
                    () -> two.requestBody("mimecast-directory:add-group-member?groupId=" + group, people("b", 150)));
            CompletableFuture.allOf(a, b).join();
        }
        List<Integer> statuses = mimecast.emulator().requests("add-group-member").stream()
                .map(RecordedRequest::status).toList();
        assertFalse(statuses.contains(429), "no call over the user's quota: " + statuses);
        assertEquals(30, statuses.size());
        assertEquals(300, mimecast.emulator().directory().memberEmails(group).size());
    }
}
