package org.apache.camel.component.mimecast.directory;

import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.RATE_LIMIT_REMAINING;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_COUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real API's failure modes, injected by the emulator: each is retried and succeeds, or fails with a clear
 * MimecastApiException; no member change is ever applied twice.
 */
class FaultInjectionTest extends MimecastTestSupport {

    private String group;

    @BeforeEach
    void seed() {
        group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
    }

    @Test
    void rateLimitBurstIsWaitedOutAsTheResetHeaderAsks() {
        emulator().faults().rateLimit(2, 300);
        long start = System.nanoTime();

        Exchange result = read("");

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, result.getMessage().getBody(List.class).size());
        assertEquals(List.of(429, 429, 200), statuses("get-group-members"));
        assertEquals(3, result.getMessage().getHeader(REQUEST_COUNT));
        assertTrue(elapsedMillis >= 600 && elapsedMillis < 2000, "waited twice the 300 ms reset: " + elapsedMillis);
    }

    @Test
    void retryAfterIsPreferredToTheRateLimitReset() {
        // Retry-After: 1 s; X-RateLimit-Reset: 120 s, beyond maxRetryWait. Only honouring Retry-After succeeds.
        emulator().faults().rateLimitWithRetryAfter(1, 1);
        long start = System.nanoTime();
        read("&maxRetryWait=5000");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(429, 200), statuses("get-group-members"));
        assertTrue(elapsedMillis >= 1000 && elapsedMillis < 3000, "waited the 1 s Retry-After: " + elapsedMillis);
    }

    @Test
    void rateLimitedWriteIsRetriedAndAppliedOnce() {
        emulator().faults().rateLimit(1, 100);
        template.requestBody("mimecast-directory:add-group-member?groupId=" + group, "once@example.com");
        assertEquals(List.of(429, 200), statuses("add-group-member"));
        assertEquals(List.of("add " + group + " once@example.com"), emulator().directory().appliedChanges());
    }

    @Test
    void aResetLongerThanMaxRetryWaitFailsAtOnceAsRetryable() {
        emulator().faults().rateLimit(1, 120_000);
        MimecastApiException error = readFails("&maxRetryWait=1000");
        assertEquals(429, error.getHttpStatus());
        assertTrue(error.isRetryable());
        assertTrue(error.getMessage().contains("Over throttling limit"), error.getMessage());
        assertTrue(error.getMessage().contains("maxRetryWait=1000"), error.getMessage());
        assertEquals(1, emulator().requests().size());
    }

    @Test
    void proactiveThrottlingWaitsForTheResetInsteadOfCollecting429s() {
        emulator().rateLimit(3, 800);
        long start = System.nanoTime();
        Exchange last = null;
        for (int i = 0; i < 5; i++) {
            last = read("");
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(statuses("get-group-members").contains(429), "no 429: " + statuses("get-group-members"));
        assertTrue(elapsedMillis >= 500, "waited for the window to reset: " + elapsedMillis);
        assertEquals(1, last.getMessage().getHeader(RATE_LIMIT_REMAINING));
    }

    @Test
    void serverErrorBurstOnAReadIsRetried() {
        emulator().faults().status(2, 503);
        assertEquals(3, read("").getMessage().getBody(List.class).size());
        assertEquals(List.of(503, 503, 200), statuses("get-group-members"));
    }

    @Test
    void serverErrorOnAMemberWriteIsRetriedAndAppliedOnce() {
        // Adding a member can be repeated safely: a 5xx is retried like a read.
        emulator().faults().status(1, 500);
        write("");
        assertEquals(List.of(500, 200), statuses("add-group-member"));
        assertEquals(List.of("add " + group + " new@example.com"), emulator().directory().appliedChanges());
    }

    @Test
    void serverErrorOnACreateGroupIsNotRetriedAndSaysSo() {
        emulator().faults().status(1, 500);
        MimecastApiException error = assertInstanceOf(MimecastApiException.class, assertThrows(
                CamelExecutionException.class, () -> template.requestBody("mimecast-directory:create-group", "Sales"))
                .getCause());
        assertEquals(500, error.getHttpStatus());
        assertEquals(List.of("err_internal"), error.getErrorCodes());
        assertTrue(error.getMessage().contains("Not retried: the write may have been applied"), error.getMessage());
        assertTrue(error.isMayHaveBeenApplied());
        assertEquals(1, emulator().requests("create-group").size());
    }

    @Test
    void droppedConnectionOnAReadIsRetried() {
        emulator().faults().dropConnection(1);
        assertEquals(3, read("").getMessage().getBody(List.class).size());
        assertEquals(List.of(0, 200), statuses("get-group-members"));
    }

    @Test
    void droppedConnectionOnAMemberWriteIsRetriedWithoutApplyingTwice() {
        emulator().faults().dropConnection(1);
        write("");
        assertEquals(List.of(0, 200), statuses("add-group-member"));
        assertEquals(List.of("add " + group + " new@example.com"), emulator().directory().appliedChanges());
    }

    @Test
    void aReplySlowerThanTheTimeoutIsRetriedForReads() {
        emulator().faults().delay(1, 1500);
        long start = System.nanoTime();
        assertEquals(3, read("&responseTimeout=300").getMessage().getBody(List.class).size());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1500, "did not wait for the slow reply");
        // The emulator records the slow request once its delay is over.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                .until(() -> emulator().requests("get-group-members").size() == 2);
    }

    @Test
    void aSlowMemberWriteTimesOutIsRetriedAndIsNeverAppliedTwice() throws Exception {
        emulator().faults().delay(1, 1000);
        Exchange done = template.request("mimecast-directory:add-group-member?groupId=" + group
                                         + "&responseTimeout=300", e -> e.getIn().setBody("new@example.com"));
        assertFalse(done.isFailed(), () -> String.valueOf(done.getException()));
        Thread.sleep(1200);
        assertEquals(2, emulator().requests("add-group-member").size());
        assertEquals(List.of("add " + group + " new@example.com"), emulator().directory().appliedChanges(),
                "applied once, by whichever attempt came first; the other found it done");
    }

    @Test
    void malformedJsonIsAClearError() {
        emulator().faults().malformedBody(1);
        MimecastApiException error = readFails("&maxRetries=0");
        assertEquals(200, error.getHttpStatus());
        assertTrue(error.getMessage().contains("not valid JSON"), error.getMessage());
    }

    @Test
    void anHtmlErrorPageIsAClearErrorAfterTheRetries() {
        emulator().faults().htmlPage(2, 502);
        MimecastApiException error = readFails("&maxRetries=1");
        assertEquals(502, error.getHttpStatus());
        assertTrue(error.isRetryable());
        assertTrue(error.getMessage().contains("Bad Gateway"), error.getMessage());
        assertEquals(2, emulator().requests().size());
    }

    @Test
    void anExpiredBindingIsNotRetriedAndTellsWhatToDo() {
        emulator().faults().status(1, 418);
        MimecastApiException error = readFails("");
        assertEquals(418, error.getHttpStatus());
        assertEquals(List.of("err_xdk_binding_expired"), error.getErrorCodes());
        assertFalse(error.isRetryable());
        assertTrue(error.getMessage().contains("create new keys"), error.getMessage());
        assertEquals(1, emulator().requests().size());
    }

    @Test
    void aWrongSignatureIsAClearAuthenticationError() {
        MimecastApiException error = assertInstanceOf(MimecastApiException.class, assertThrows(
                CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:get-group-members?appKey=wrong&groupId=" + group,
                        (Object) null)).getCause());
        assertEquals(401, error.getHttpStatus());
        assertEquals(List.of("err_xdk_invalid_signature"), error.getErrorCodes());
        assertTrue(error.getMessage().contains("Check accessKey, secretKey, appId and appKey"), error.getMessage());
    }

    private Exchange read(String options) {
        Exchange exchange = template.request("mimecast-directory:get-group-members?groupId=" + group + options, e -> {
        });
        if (exchange.getException() != null) {
            throw new AssertionError(exchange.getException());
        }
        List<Member> members = exchange.getMessage().getBody(List.class);
        assertEquals(3, members.size());
        return exchange;
    }

    private MimecastApiException readFails(String options) {
        return assertInstanceOf(MimecastApiException.class, assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:get-group-members?groupId=" + group + options,
                        (Object) null)).getCause());
    }

    private void write(String options) {
        Exchange done = template.request("mimecast-directory:add-group-member?groupId=" + group + options,
                e -> e.getIn().setBody("new@example.com"));
        assertFalse(done.isFailed(), () -> String.valueOf(done.getException()));
    }

    private MimecastApiException writeFails(String options) {
        return assertInstanceOf(MimecastApiException.class, assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:add-group-member?groupId=" + group + options,
                        "new@example.com")).getCause());
    }

    private List<Integer> statuses(String operation) {
        return emulator().requests(operation).stream().map(RecordedRequest::status).toList();
    }
}
