package org.apache.camel.component.mimecast.directory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer's body reader against bodies from real routes and odd callers: blank and streamed bodies, envelopes
 * with extra fields, duplicate keys, byte order marks, huge or deeply nested items, file consumer bodies. Each either
 * sends exactly what was meant or is refused before any HTTP call.
 */
class BodyShapesTest extends MimecastTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // A route whose body is an InputStream with stream caching off, redelivered once by Camel.
                from("direct:find-redelivered").routeId("find-redelivered").streamCache("false")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0))
                        .to("mimecast-directory:find-groups?maxRetries=0");
            }
        };
    }

    @Test
    void emptyBodyKeepsTheGroupIdOption() {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);

        // e.g. the empty body of an HTTP GET (platform-http) or a timer-triggered route that set body ""
        List<?> members = template.requestBody("mimecast-directory:get-group-members?groupId=" + group, "",
                List.class);

        assertEquals(2, members.size());
    }

    @Test
    void emptyBodyKeepsTheQueryOption() {
        emulator().directory().createGroup("Sales");
        emulator().directory().createGroup("Engineering");

        @SuppressWarnings("unchecked")
        List<Group> groups = template.requestBody("mimecast-directory:find-groups?query=Sales", "  ", List.class);

        assertEquals(List.of("Sales"), groups.stream().map(Group::description).toList(),
                "sent: " + emulator().requests("find-groups").get(0).body());
    }

    @Test
    void redeliveredStreamBodyKeepsItsQuery() {
        emulator().directory().createGroup("Sales");
        emulator().directory().createGroup("Engineering");
        emulator().faults().status(1, 503); // the first attempt fails, Camel redelivers the exchange

        @SuppressWarnings("unchecked")
        List<Group> groups = template.requestBody("direct:find-redelivered",
                new ByteArrayInputStream("{\"query\":\"Sales\"}".getBytes(StandardCharsets.UTF_8)), List.class);

        List<String> sent = emulator().requests("find-groups").stream().map(RecordedRequest::body).toList();
        assertEquals(List.of("Sales"), groups.stream().map(Group::description).toList(), "sent: " + sent);
    }

    @Test
    void aFieldGivenUnderBothItsNamesIsRefusedSayingSo() {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:delete-group",
                        "{\"id\":\"a\",\"groupId\":\"b\"}"));
        MimecastValidationException error = assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        assertTrue(error.getMessage().contains("'id' and 'groupId'"), error.getMessage());
        assertEquals(0, emulator().requests().size());
    }

    @Test
    void aTrueOrFalseForATextFieldIsRefusedNotSentAsText() {
        String group = emulator().directory().createGroup("Staff").id();
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:add-group-member",
                        Map.of("id", group, "emailAddress", "a@example.com", "notes", false)));
        MimecastValidationException error = assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        assertTrue(error.getMessage().contains("wrong type"), error.getMessage());
        assertEquals(0, emulator().requests().size());
    }

    @Test
    void setGroupMembersReadsItsBodyTheSameWay() {
        String group = emulator().directory().createGroup("Staff").id();
        String uri = "mimecast-directory:set-group-members?groupId=" + group;
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri,
                        "[{\"emailAddress\":\"a@example.com\",\"emailAddress\":\"b@example.com\"}]"));
        assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        assertEquals(0, emulator().requests().size());

        template.requestBody(uri, "\uFEFF[\"bom@example.com\"]".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("bom@example.com"), emulator().directory().memberEmails(group));
        assertThrows(CamelExecutionException.class, () -> template.requestBody(uri, InputStream.nullInputStream()));
    }

    @Test
    void anExhaustedStreamIsRefusedNotTakenForNoBody() {
        emulator().directory().createGroup("Sales");
        // What a redelivery finds of a stream an earlier attempt read, with stream caching off
        for (Object body : List.of(InputStream.nullInputStream(), new byte[0], " ".getBytes())) {
            CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody("mimecast-directory:find-groups?query=Sales", body));
            MimecastValidationException error = assertInstanceOf(MimecastValidationException.class, thrown.getCause());
            assertTrue(error.getMessage().contains("stream caching"), error.getMessage());
        }
        assertEquals(0, emulator().requests().size());
    }

    @Test
    void envelopeWithAGroupIdBesideDataIsRefusedNotIgnored() {
        String wanted = emulator().directory().createGroup("Wanted").id();
        String other = emulator().directory().createGroup("Other").id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", wanted);
        body.put("data", List.of(Map.of("emailAddress", "a@example.com")));

        try {
            template.requestBody("mimecast-directory:add-group-member?groupId=" + other, body);
        } catch (CamelExecutionException e) {
            assertInstanceOf(MimecastValidationException.class, e.getCause());
            return; // refused: fine
        }
        throw new AssertionError("the envelope's groupId was dropped: the member went to " + other + " (members "
                                 + emulator().directory().memberEmails(other) + "), not " + wanted + " (members "
                                 + emulator().directory().memberEmails(wanted) + ")");
    }

    @Test
    void idAndGroupIdWithDifferentValuesAreRefused() {
        String keep = emulator().directory().createGroup("Keep").id();
        String gone = emulator().directory().createGroup("Gone").id();

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:delete-group",
                        "{\"id\":\"" + keep + "\",\"groupId\":\"" + gone + "\"}"),
                () -> "no refusal; groups left: " + emulator().directory().groups());
        assertInstanceOf(MimecastValidationException.class, thrown.getCause());
    }

    @Test
    void duplicateJsonKeyIsRefused() {
        String keep = emulator().directory().createGroup("Keep").id();
        String gone = emulator().directory().createGroup("Gone").id();

        assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:delete-group",
                        "{\"id\":\"" + keep + "\",\"id\":\"" + gone + "\"}"),
                () -> "no refusal; groups left: " + emulator().directory().groups());
    }

    @Test
    void jsonWithAByteOrderMarkIsReadAsJson() {
        String group = emulator().directory().createGroup("Staff").id();
        byte[] body = "\uFEFF{\"emailAddress\":\"bom@example.com\"}".getBytes(StandardCharsets.UTF_8);

        try {
            template.requestBodyAndHeader("mimecast-directory:add-group-member", body, GROUP_ID, group);
        } catch (CamelExecutionException e) {
            // acceptable only when refused before any HTTP call
            assertInstanceOf(MimecastValidationException.class, e.getCause(), e.getCause().toString());
            assertEquals(0, emulator().requests().size());
            return;
        }
        assertEquals(List.of("bom@example.com"), emulator().directory().memberEmails(group),
                "sent: " + emulator().requests("add-group-member").get(0).body());
    }

    @Test
    void errorMessageDoesNotEchoAWholeItem() {
        String big = "s3cr3t-" + "x".repeat(1_000_000);
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:update-group", "[[\"" + big + "\"]]"));

        String message = thrown.getCause().getMessage();
        assertTrue(message.length() < 2_000, "message of " + message.length() + " characters: "
                                              + message.substring(0, Math.min(200, message.length())));
    }

    @Test
    void mapEnvelopeWithAnArrayIsReadAsBefore() {
        String group = emulator().directory().createGroup("Staff").id();

        template.requestBody("mimecast-directory:add-group-member?groupId=" + group,
                Map.of("data", new String[] {"a@example.com", "b@example.com"}));

        assertEquals(List.of("a@example.com", "b@example.com"), emulator().directory().memberEmails(group));
    }

    @Test
    void deeplyNestedMapIsRefusedNotAStackOverflow() {
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> cursor = deep;
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> next = new HashMap<>();
            cursor.put("id", next);
            cursor = next;
        }
        Throwable thrown = assertThrows(Throwable.class,
                () -> template.requestBody("mimecast-directory:get-group-members", deep));
        assertInstanceOf(CamelExecutionException.class, thrown, thrown.toString());
        assertInstanceOf(MimecastValidationException.class, thrown.getCause());
    }

    @Test
    void aFileConsumersBodyIsRead() {
        String group = emulator().directory().createGroup("Staff").id();
        template.sendBodyAndHeader("file:target/body-shapes-inbox",
                "{\"id\":\"" + group + "\",\"emailAddress\":\"file@example.com\"}", Exchange.FILE_NAME, "m.json");
        Exchange file = consumer.receive("file:target/body-shapes-inbox?delete=true", 5000);

        Exchange result = template.send("mimecast-directory:add-group-member", file);

        assertEquals(null, result.getException(), String.valueOf(result.getException()));
        assertEquals(List.of("file@example.com"), emulator().directory().memberEmails(group));
    }

    @Test
    void bodyThenHeaderThenOption() throws Exception {
        String body = emulator().directory().createGroup("Body").id();
        String header = emulator().directory().createGroup("Header").id();
        String option = emulator().directory().createGroup("Option").id();
        String uri = "mimecast-directory:add-group-member?groupId=" + option;

        template.requestBodyAndHeader(uri, Map.of("emailAddress", "h@example.com"), GROUP_ID, header);
        template.requestBodyAndHeader(uri, Map.of("id", body, "emailAddress", "b@example.com"), GROUP_ID, header);
        template.requestBody(uri, Map.of("emailAddress", "o@example.com"));
        Map<String, Object> explicitNull = new HashMap<>();
        explicitNull.put("id", null);
        explicitNull.put("emailAddress", "n@example.com");
        template.requestBodyAndHeader(uri, explicitNull, GROUP_ID, header);

        assertEquals(List.of("h@example.com", "n@example.com"), emulator().directory().memberEmails(header));
        assertEquals(List.of("b@example.com"), emulator().directory().memberEmails(body));
        assertEquals(List.of("o@example.com"), emulator().directory().memberEmails(option));
        JsonNode sent = JSON.readTree(emulator().requests("add-group-member").get(0).body());
        assertEquals(header, sent.at("/data/0/id").asText());
    }

    @Test
    void explicitEmptyStringInTheBodyIsNotReplacedByTheOption() {
        String option = emulator().directory().createGroup("Option").id();
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:get-group-members?groupId=" + option,
                        Map.of("id", "")));
        assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        assertEquals(0, emulator().requests().size());
    }

    @Test
    void oddMapsAndDeepJsonAreRefusedBeforeAnyCall() {
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        List<Object> bodies = List.of(Map.of(1, "g1"), nullKey, Map.of("id", Map.of("nested", "g1")),
                Map.of("id", List.of("g1")), "[".repeat(5_000) + "]".repeat(5_000),
                "{\"id\":\"" + "x".repeat(21_000_000) + "\"}");
        for (Object body : bodies) {
            CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody("mimecast-directory:get-group-members", body));
            MimecastValidationException error = assertInstanceOf(MimecastValidationException.class,
                    thrown.getCause(), String.valueOf(thrown.getCause()));
            String message = error.getMessage();
            assertTrue(message.length() < 1_000, message.substring(0, Math.min(300, message.length())));
        }
        assertEquals(0, emulator().requests().size());
    }
}
