package org.apache.camel.component.mimecast.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Failures to inject into the next matching requests, in the order they were planned. Each fault applies to the
 * given number of requests, optionally only to one operation, then is used up. A fault takes effect before the
 * signature is checked, like Mimecast's own gateway limits: a faulted request does not use up its request id.
 */
public final class FaultPlan {

    /** What to do instead of (or before) answering normally. */
    public enum Kind {
        /** 429 with X-RateLimit-* headers and the gateway's {"detail": ...} body. */
        RATE_LIMIT,
        /** 429 with a Retry-After header (seconds, in {@code millis / 1000}) and a far longer X-RateLimit-Reset. */
        RATE_LIMIT_RETRY_AFTER,
        /** An error status with the Mimecast error envelope (5xx, 418, ...). */
        STATUS,
        /** An HTML error page (e.g. a 502 from a proxy). */
        HTML,
        /** HTTP 200 with a truncated JSON body. */
        MALFORMED,
        /** Close the connection without answering. */
        DROP_CONNECTION,
        /** Wait before answering normally (the request is then processed). */
        DELAY,
        /** HTTP 200 with a well-formed JSON body of the plan's choosing (see {@link MalformedReply}). */
        BODY
    }

    /**
     * HTTP 200 replies that parse but do not hold a group's data: a client must not read any of them as "the group
     * has no members".
     */
    public enum MalformedReply {
        /** Only the meta block. */
        META_ONLY("{\"meta\":{\"status\":200}}"),
        /** {@code "data": null}. */
        DATA_NULL("{\"meta\":{\"status\":200},\"data\":null,\"fail\":[]}"),
        /** {@code "data": []}. */
        DATA_EMPTY("{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}"),
        /** Only an empty fail array. */
        FAIL_EMPTY("{\"fail\":[]}"),
        /** A data item without groupMembers. */
        ITEM_WITHOUT_GROUP_MEMBERS("{\"meta\":{\"status\":200},\"data\":[{}],\"fail\":[]}"),
        /** A member with neither emailAddress nor domain. */
        MEMBER_WITHOUT_IDENTITY("{\"meta\":{\"status\":200},\"data\":[{\"groupMembers\":[{\"name\":\"Nobody\","
                                + "\"type\":\"created_manually\"}]}],\"fail\":[]}");

        private final String body;

        MalformedReply(String body) {
            this.body = body;
        }

        public String body() {
            return body;
        }
    }

    /**
     * One planned fault.
     *
     * @param kind      what to do
     * @param status    the HTTP status (STATUS, HTML)
     * @param millis    the reset (RATE_LIMIT) or delay (DELAY) in milliseconds
     * @param operation the operation it applies to, or null for any
     * @param body      the body (BODY)
     */
    public record Fault(Kind kind, int status, long millis, String operation, String body) {

        public Fault(Kind kind, int status, long millis, String operation) {
            this(kind, status, millis, operation, null);
        }
    }

    /** An action run after a page of a group's members was rendered, before it is sent. */
    private record PageHook(String groupId, int page, Consumer<InMemoryDirectory> action) {
    }

    private final List<PageHook> pageHooks = new ArrayList<>();

    private static final class Rule {
        final Fault fault;
        int remaining;

        Rule(Fault fault, int times) {
            this.fault = fault;
            this.remaining = times;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Answers 429 {@code times} times, with {@code X-RateLimit-Reset: resetMillis}. */
    public FaultPlan rateLimit(int times, long resetMillis) {
        return add(new Fault(Kind.RATE_LIMIT, 429, resetMillis, null), times);
    }

    /**
     * Answers 429 {@code times} times with {@code Retry-After: retryAfterSeconds} and an X-RateLimit-Reset of two
     * minutes, to check that a client prefers Retry-After.
     */
    public FaultPlan rateLimitWithRetryAfter(int times, int retryAfterSeconds) {
        return add(new Fault(Kind.RATE_LIMIT_RETRY_AFTER, 429, retryAfterSeconds * 1000L, null), times);
    }

    /** Answers {@code status} (e.g. 500, 503, 418) with the error envelope, {@code times} times. */
    public FaultPlan status(int times, int status) {
        return add(new Fault(Kind.STATUS, status, 0, null), times);
    }

    /** Answers an HTML page with {@code status}, {@code times} times. */
    public FaultPlan htmlPage(int times, int status) {
        return add(new Fault(Kind.HTML, status, 0, null), times);
    }

    /** Answers HTTP 200 with a truncated JSON body, {@code times} times. */
    public FaultPlan malformedBody(int times) {
        return add(new Fault(Kind.MALFORMED, 200, 0, null), times);
    }

    /** Closes the connection without a response, {@code times} times. */
    public FaultPlan dropConnection(int times) {
        return add(new Fault(Kind.DROP_CONNECTION, 0, 0, null), times);
    }

    /** Delays the answer by {@code millis}, {@code times} times; the request is still processed. */
    public FaultPlan delay(int times, long millis) {
        return add(new Fault(Kind.DELAY, 0, millis, null), times);
    }

    /** Answers HTTP 200 with {@code reply}'s body to get-group-members, {@code times} times. */
    public FaultPlan malformedGroupMembers(int times, MalformedReply reply) {
        return add(new Fault(Kind.BODY, 200, 0, "get-group-members", reply.body()), times);
    }

    /**
     * Changes the directory right after page {@code page} (1-based) of group {@code groupId}'s members is read, once:
     * e.g. {@code directory -> directory.removeMember(group, "a@example.com")} to shift the later pages under a
     * reader, as a concurrent edit in Mimecast would.
     */
    public synchronized FaultPlan afterPage(String groupId, int page, Consumer<InMemoryDirectory> action) {
        pageHooks.add(new PageHook(groupId, page, action));
        return this;
    }

    /** Runs (and uses up) the hooks for a page just read. */
    void pageServed(String groupId, int page, InMemoryDirectory directory) {
        List<PageHook> due = new ArrayList<>();
        synchronized (this) {
            for (Iterator<PageHook> it = pageHooks.iterator(); it.hasNext();) {
                PageHook hook = it.next();
                if (hook.groupId().equals(groupId) && hook.page() == page) {
                    due.add(hook);
                    it.remove();
                }
            }
        }
        due.forEach(hook -> hook.action().accept(directory));
    }

    /** Plans any fault, for one operation only when {@code fault.operation()} is set. */
    public synchronized FaultPlan add(Fault fault, int times) {
        rules.add(new Rule(fault, times));
        return this;
    }

    /** Restricts the last planned fault to one operation, e.g. {@code get-group-members}. */
    public synchronized FaultPlan onlyFor(String operation) {
        Rule last = rules.get(rules.size() - 1);
        rules.set(rules.size() - 1,
                new Rule(new Fault(last.fault.kind(), last.fault.status(), last.fault.millis(), operation,
                        last.fault.body()),
                        last.remaining));
        return this;
    }

    /** Plans {@code fault} after {@code skip} matching requests have been answered normally. */
    public synchronized FaultPlan afterRequests(int skip, Fault fault, int times) {
        rules.add(new Rule(new Fault(Kind.DELAY, 0, 0, fault.operation()), skip));
        rules.add(new Rule(fault, times));
        return this;
    }

    synchronized Optional<Fault> next(String operation) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.fault.operation() == null || rule.fault.operation().equals(operation)) {
                rule.remaining--;
                if (rule.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    public synchronized void clear() {
        rules.clear();
        pageHooks.clear();
    }
}
