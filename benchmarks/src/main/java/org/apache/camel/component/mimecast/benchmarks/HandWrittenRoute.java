package org.apache.camel.component.mimecast.benchmarks;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;

/**
 * What a Camel user writes without the component for the same two jobs: camel-http, the API pages' HMAC sample
 * ({@link SampleSignature}), add-group-member in batches of 10, get-group-members page after page along the
 * {@code next} token, Jackson, and Camel's ordinary redelivery (3 redeliveries). A careful user: it reads each write's
 * fail[] and counts "already a member" as done. {@code resignOnRedelivery} gives every redelivery a fresh date,
 * request id and signature (one {@code onRedelivery} more); without it a redelivery resends the first attempt's
 * headers, as Camel redelivers the failed step with the message as it was.
 */
final class HandWrittenRoute extends RouteBuilder {

    static final String ADD = "direct:hand-written-add";
    static final String READ = "direct:hand-written-read";
    static final String GROUP_ID = "groupId";
    private static final String ADD_PATH = "/api/directory/add-group-member";
    private static final String READ_PATH = "/api/directory/get-group-members";

    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final SampleSignature signature;
    private final long responseTimeout;
    private final boolean resignOnRedelivery;

    HandWrittenRoute(String baseUrl, SampleSignature signature, long responseTimeout, boolean resignOnRedelivery) {
        this.baseUrl = baseUrl;
        this.signature = signature;
        this.responseTimeout = responseTimeout;
        this.resignOnRedelivery = resignOnRedelivery;
    }

    @Override
    public void configure() {
        getCamelContext().getComponent("http", HttpComponent.class).setResponseTimeout(responseTimeout);
        DefaultErrorHandlerDefinition redelivery = defaultErrorHandler().maximumRedeliveries(3);
        errorHandler(resignOnRedelivery ? redelivery.onRedelivery(this::sign) : redelivery);

        from(ADD)
                .process(this::batchesOf10) // not split(simple("${collate(10)}")): it nests the lists from the 2nd message on
                .split(body())
                    .setProperty("path", constant(ADD_PATH))
                    .process(this::addBody)
                    .process(this::sign)
                    .to(baseUrl + ADD_PATH)
                    .process(this::checkWrite)
                .end();

        from(READ)
                .setProperty("members", ArrayList::new)
                .setProperty("path", constant(READ_PATH))
                .setProperty("next", constant(""))
                .loopDoWhile(exchangeProperty("next").isNotNull())
                    .process(this::readBody)
                    .process(this::sign)
                    .to(baseUrl + READ_PATH)
                    .process(this::readPage)
                .end()
                .setBody(exchangeProperty("members"));
    }

    private void sign(Exchange exchange) {
        exchange.getMessage().getHeaders().putAll(signature.headers(exchange.getProperty("path", String.class)));
    }

    private void batchesOf10(Exchange exchange) {
        List<?> emails = exchange.getMessage().getBody(List.class);
        List<List<?>> batches = new ArrayList<>();
        for (int i = 0; i < emails.size(); i += 10) {
            batches.add(emails.subList(i, Math.min(emails.size(), i + 10)));
        }
        exchange.getMessage().setBody(batches);
    }

    private void addBody(Exchange exchange) throws Exception {
        ObjectNode request = mapper.createObjectNode();
        ArrayNode data = request.putArray("data");
        for (Object email : exchange.getMessage().getBody(List.class)) {
            data.addObject().put("id", exchange.getMessage().getHeader(GROUP_ID, String.class))
                    .put("emailAddress", (String) email);
        }
        exchange.getMessage().setBody(mapper.writeValueAsString(request));
    }

    private void checkWrite(Exchange exchange) throws Exception {
        JsonNode reply = mapper.readTree(exchange.getMessage().getBody(InputStream.class));
        for (JsonNode failure : reply.path("fail")) {
            String code = failure.path("errors").path(0).path("code").asText();
            if (!code.equals("err_folder_group_member_already_exists")) {
                throw new IllegalStateException("Mimecast refused " + failure.path("key") + ": " + code);
            }
        }
    }

    private void readBody(Exchange exchange) throws Exception {
        ObjectNode request = mapper.createObjectNode();
        ObjectNode pagination = request.putObject("meta").putObject("pagination").put("pageSize", 500);
        String next = exchange.getProperty("next", String.class);
        if (!next.isEmpty()) {
            pagination.put("pageToken", next);
        }
        request.putArray("data").addObject().put("id", exchange.getMessage().getHeader(GROUP_ID, String.class));
        exchange.getMessage().setBody(mapper.writeValueAsString(request));
    }

    @SuppressWarnings("unchecked")
    private void readPage(Exchange exchange) throws Exception {
        JsonNode reply = mapper.readTree(exchange.getMessage().getBody(InputStream.class));
        if (reply.path("fail").size() > 0 || !reply.path("data").path(0).has("groupMembers")) {
            throw new IllegalStateException("Mimecast refused the read: " + reply.path("fail"));
        }
        List<String> members = exchange.getProperty("members", List.class);
        reply.path("data").path(0).path("groupMembers").forEach(m -> members.add(m.path("emailAddress").asText()));
        exchange.setProperty("next", reply.path("meta").path("pagination").path("next").textValue());
    }
}
