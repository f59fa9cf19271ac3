package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed input fails with a message naming the field and the fix, and no HTTP request is sent.
 */
class BadInputTest extends MimecastTestSupport {

    static Stream<Arguments> badInputs() {
        String longNotes = "x".repeat(101);
        return Stream.of(
                Arguments.of("get-group-members", null, Map.of(), "groupId", "needs groupId"),
                Arguments.of("delete-group", null, Map.of(), "groupId", "CamelMimecastDirectoryGroupId header"),
                Arguments.of("add-group-member", Map.of("id", "g1", "emailAddress", "a@example.com", "domain",
                        "example.com"), Map.of(), "domain", "exactly one of emailAddress or domain, but both"),
                Arguments.of("add-group-member", Map.of("id", "g1"), Map.of(), "emailAddress", "but neither"),
                Arguments.of("add-group-member", "{\"id\":\"g1\",\"emailAddress\":\"not-an-address\"}", Map.of(),
                        "emailAddress", "invalid emailAddress 'not-an-address'"),
                Arguments.of("remove-group-member", Map.of("id", "g1", "domain", "a@b.com"), Map.of(), "domain",
                        "invalid domain"),
                Arguments.of("add-group-member", Map.of("id", "g1", "emailAddress", "a@example.com", "notes",
                        longNotes), Map.of(), "notes", "notes of 101 characters"),
                Arguments.of("remove-group-member", Map.of("id", "g1", "emailAddress", "a@example.com", "notes", "n"),
                        Map.of(), "notes", "does not take notes"),
                Arguments.of("create-group", Map.of("description", "  "), Map.of(), "description", "needs description"),
                Arguments.of("update-group", Map.of("id", "g1"), Map.of(), "description", "nothing to change"),
                Arguments.of("find-groups", Map.of("source", "exchange"), Map.of(), "source", "use cloud or ldap"),
                Arguments.of("create-group", "{\"description\": ", Map.of(), "body", "not valid JSON"),
                Arguments.of("add-group-member", Map.of("groupid2", "g1", "emailAddress", "a@example.com"), Map.of(),
                        "groupid2", "does not know the field 'groupid2'"),
                Arguments.of("find-groups", List.of("a", "b"), Map.of(), "body", "one query per call"),
                Arguments.of("get-group-members", Map.of("id", "g1"), Map.of(PAGE_SIZE, 0), "pageSize",
                        "pageSize must be 1 or more"),
                Arguments.of("get-group-members", Map.of("id", "g1"), Map.of(PAGE_SIZE, "many"), "pageSize",
                        "must be a whole number"),
                Arguments.of("add-group-member", List.of(), Map.of(), "body", "empty list"),
                Arguments.of("add-group-member", IntStream.range(0, 3).mapToObj(i -> Map.of("id", "g1",
                        "emailAddress", i == 2 ? "bad" : "u" + i + "@example.com")).toList(), Map.of(),
                        "emailAddress", "Item 2 of the body"),
                Arguments.of("create-group", Map.of("description", 42, "parentId", List.of("x")), Map.of(), "body",
                        "wrong type"),
                Arguments.of("update-group", "just text", Map.of(), "body", "not JSON"),
                Arguments.of("update-group", "[1]", Map.of(), "body", "Item 0 of the body: update-group expects each"
                        + " item to be a JSON object such as {\"id\":\"...\"}"),
                Arguments.of("add-group-member", new Object[] {"a@example.com", null}, Map.of(), "body",
                        "Item 1 of the body is null"),
                Arguments.of("add-group-member", new Hire("a@example.com"), Map.of(), "body",
                        "add-group-member cannot use a body of type " + Hire.class.getName() + ": send a"
                                + " GroupMemberRequest, a Map, a JSON string, a plain string (the emailAddress) or a"
                                + " List of these"),
                Arguments.of("remove-group-member", List.of("a@example.com", new Hire("b@example.com")), Map.of(),
                        "body", "Item 1 of the body: remove-group-member cannot use a body of type " + Hire.class
                                .getName()));
    }

    /** A bean that has an emailAddress but is none of the body shapes the producer reads. */
    record Hire(String emailAddress) {
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("badInputs")
    void rejectsBeforeAnyHttpCall(
            String operation, Object body, Map<String, Object> headers, String field, String messagePart) {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeaders("mimecast-directory:" + operation, body, headers));

        MimecastValidationException error = assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        assertEquals(field, error.getField(), error.getMessage());
        assertTrue(error.getMessage().contains(messagePart), error.getMessage());
        assertEquals(0, emulator().requests().size(), "no HTTP request for bad input");
    }

    @Test
    void unknownOperationInTheUriListsTheValidOnes() {
        ResolveEndpointFailedException thrown = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("mimecast-directory:list-groups"));
        assertTrue(thrown.getCause().getMessage().contains(
                "Unknown Mimecast directory operation 'list-groups': use one of find-groups, get-group-members"),
                thrown.getCause().getMessage());
    }

    @Test
    void badRegionIsRejectedWhenTheEndpointIsCreated() {
        ResolveEndpointFailedException thrown = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("mimecast-directory:find-groups?region=MARS"));
        assertTrue(thrown.getMessage().contains("region"), thrown.getMessage());
    }

    @Test
    void missingCredentialsFailTheRouteAtStartup() throws Exception {
        context.getComponent("mimecast-directory", MimecastDirectoryComponent.class).getConfiguration()
                .setAppKey(null);
        Exception thrown = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("mimecast-directory:find-groups");
            }
        }));
        Throwable cause = thrown;
        while (!(cause instanceof MimecastValidationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(MimecastValidationException.class, cause, thrown.toString());
        assertTrue(cause.getMessage().contains("needs appKey"), cause.getMessage());
        assertInstanceOf(FailedToCreateRouteException.class, thrown);
        assertEquals(0, emulator().requests().size());
    }

    @Test
    void missingHostNamesRegionAndBaseUrl() {
        MimecastDirectoryConfiguration configuration = new MimecastDirectoryConfiguration();
        MimecastValidationException error = assertThrows(MimecastValidationException.class,
                configuration::resolveBaseUrl);
        assertTrue(error.getMessage().contains("set the region option"), error.getMessage());
        configuration.setRegion(MimecastRegion.DE);
        assertEquals("https://de-api.mimecast.com", configuration.resolveBaseUrl());
        configuration.setBaseUrl("http://127.0.0.1:9/");
        assertEquals("http://127.0.0.1:9", configuration.resolveBaseUrl(), "baseUrl overrides region");
    }
}
