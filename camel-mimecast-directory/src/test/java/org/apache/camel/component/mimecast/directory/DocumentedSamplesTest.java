package org.apache.camel.component.mimecast.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.model.Connection;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChangeResult;
import org.apache.camel.component.mimecast.directory.support.HostileServer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.apache.camel.component.mimecast.directory.support.HostileServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the Mimecast pages' own response samples, served verbatim by a plain HTTP server (not our emulator), and the
 * variants where a page's sample and its field table disagree (domains: "" vs a list; port: Number vs String).
 */
class DocumentedSamplesTest extends CamelTestSupport {

    private HostileServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server = new HostileServer();
        CamelContext context = super.createCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        MimecastDirectoryConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(server.baseUrl());
        configuration.setAccessKey("sample-access-key");
        configuration.setSecretKey("c2FtcGxlLXNlY3JldC1rZXk=");
        configuration.setAppId("sample-app");
        configuration.setAppKey("sample-app-key");
        context.addComponent("mimecast-directory", component);
        return context;
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String sample(String operation) throws IOException {
        try (InputStream in = DocumentedSamplesTest.class.getResourceAsStream(
                "/mimecast-api-samples/" + operation + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheGetConnectionSample() throws Exception {
        server.on("/api/directory/get-connection", json(200, sample("get-connection")));
        Connection connection = template.requestBody("mimecast-directory:get-connection", null, Connection.class);
        assertEquals("", connection.domains(), "the sample's domains is an empty String");
        assertEquals(List.of(), connection.domainList());
        assertEquals("Date String", connection.lastSync());
        assertEquals(false, connection.syncRunning());
        assertEquals(false, connection.acknowledgeDisabledAccounts());
        assertEquals("636", connection.ldapSettings().port(), "the sample's port is a Number");
        assertEquals("String", connection.ldapSettings().encryptionMode());
        assertEquals("636", connection.adPushSettings().port());
        assertEquals("String", connection.office365Settings().tenantDomain());
    }

    @Test
    void readsTheGetConnectionFieldTableForms() {
        // The field table: domains "a comma separated list", port a String; and an array of domains, as a careless
        // server might send it.
        server.on("/api/directory/get-connection", json(200, """
                {"meta":{"status":200},"fail":[],"data":[{"id":"c1","serverType":"active_directory",
                 "domains":"example.com, example.org","ldapSettings":{"hostname":"ldap","port":"389"}}]}"""));
        Connection table = template.requestBody("mimecast-directory:get-connection", null, Connection.class);
        assertEquals(List.of("example.com", "example.org"), table.domainList());
        assertEquals("389", table.ldapSettings().port());
        assertNull(table.office365Settings());

        server.on("/api/directory/get-connection", json(200, """
                {"meta":{"status":200},"fail":[],"data":[{"id":"c1","domains":["example.com","example.org"]}]}"""));
        Connection array = template.requestBody("mimecast-directory:get-connection", null, Connection.class);
        assertEquals("example.com,example.org", array.domains());
        assertEquals(List.of("example.com", "example.org"), array.domainList());
    }

    @Test
    void readsTheCreateGroupSample() throws Exception {
        server.on("/api/directory/create-group", json(200, sample("create-group")));
        // The sample's description, "String", echoes the request's.
        Group group = template.requestBody("mimecast-directory:create-group?description=String", null, Group.class);
        assertEquals("String", group.id());
        assertEquals(0, group.folderCount());
        assertEquals(10, group.userCount());
    }

    @Test
    void readsTheRemoveGroupMemberSample() throws Exception {
        // The sample's "String" values stand for what the request sent: its data entry echoes the group and address
        // (the component pairs entries with requests by that echo), so the address sent is put in its place.
        server.on("/api/directory/remove-group-member", json(200, sample("remove-group-member")
                .replace("\"emailAddress\": \"String\"", "\"emailAddress\": \"a@example.com\"")
                .replace("\"folderId\": \"String\"", "\"folderId\": \"g1\"")));
        MemberChangeResult removed = template.requestBody(
                "mimecast-directory:remove-group-member?groupId=g1", "a@example.com", MemberChangeResult.class);
        assertEquals("g1", removed.folderId());
        assertEquals(true, removed.internal());
    }

    @Test
    void readsTheFindGroupsAndGetGroupMembersShapes() throws Exception {
        // These pages print field tables only; the samples are written from them, with a next token: one page read.
        server.on("/api/directory/find-groups", json(200, sample("find-groups")));
        Exchange groups = template.request("mimecast-directory:find-groups?query=x", e -> { });
        assertFalse(groups.isFailed(), () -> String.valueOf(groups.getException()));
        List<?> found = groups.getMessage().getBody(List.class);
        assertEquals(1, found.size());
        assertEquals(10, ((Group) found.get(0)).userCount());
        assertEquals("String", groups.getMessage().getHeader(MimecastDirectoryConstants.NEXT_PAGE_TOKEN));

        server.on("/api/directory/get-group-members", json(200, sample("get-group-members")));
        List<?> members = template.requestBody("mimecast-directory:get-group-members?groupId=g1", null, List.class);
        Member member = (Member) members.get(0);
        assertEquals("String", member.emailAddress());
        assertTrue(member.internal());
    }
}
